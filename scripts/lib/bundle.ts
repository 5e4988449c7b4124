// Bundles the multi-file spec into one document with Redocly, the only bundler we use.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bin, ROOT, SPEC_ROOT } from './paths.ts';
import { run } from './run.ts';
import { componentFiles } from './source-map.ts';
import { withTempDir } from './temp.ts';

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  webhooks?: Record<string, Record<string, unknown>>;
};

export class SpecError extends Error {}

/** Bundle `root` (the spec by default). Throws SpecError with Redocly's report, which names the bad file and line. */
export function bundleSpec(root = SPEC_ROOT): Promise<OpenApiDocument> {
  return withTempDir('bundle', async (dir) => {
    try {
      componentFiles(path.join(path.dirname(root), 'components'));
    } catch (error) {
      throw new SpecError((error as Error).message);
    }
    const out = path.join(dir, 'openapi.json');
    const result = await run(bin('redocly'), ['bundle', root, '--output', out], { cwd: ROOT });
    if (result.code !== 0) {
      throw new SpecError(`Could not bundle ${path.relative(ROOT, root)}:\n${result.stderr || result.stdout}`);
    }
    return JSON.parse(await readFile(out, 'utf8')) as OpenApiDocument;
  });
}
