// Sizes: the client entry as an application bundles it (minified, gzipped, openapi-fetch included)
// and the published bundle, generated/openapi.json. Sizes do not vary between runs.
import { stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { build } from 'esbuild';
import { GENERATED_DIR, ROOT } from '../scripts/lib/paths.ts';

export async function clientKb(): Promise<number> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
  });
  return gzipSync(result.outputFiles[0]!.contents).length / 1000;
}

/** Megabytes (10^6 bytes, as the vendor's 2.78 MB file is counted). */
export async function bundleMb(): Promise<number> {
  return (await stat(path.join(GENERATED_DIR, 'openapi.json'))).size / 1e6;
}
