// Bundles the multi-file spec into one document with Redocly's bundler (@redocly/openapi-core, the
// library behind the Redocly CLI), in this process: the CLI would cost a second Node process and
// its own start-up on every generate and lint. test/generate/bundle.test.ts checks that the result
// is exactly what `redocly bundle` (the CLI we lint, diff and build the docs with) produces.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { rel, ROOT, SPEC_ROOT } from './paths.ts';
import { componentFiles } from './component-files.ts';

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  webhooks?: Record<string, Record<string, unknown>>;
};

export class SpecError extends Error {}

// Loaded through require: its CommonJS build loads in half the time an ES import takes.
const require = createRequire(import.meta.url);
type RedoclyCore = typeof import('@redocly/openapi-core');
type Problem = Awaited<ReturnType<RedoclyCore['bundle']>>['problems'][number];

/**
 * Bundle `root` (the spec by default). Throws SpecError naming each bad file, line and place
 * (a missing $ref target, invalid YAML), once per distinct message.
 */
export async function bundleSpec(root = SPEC_ROOT): Promise<OpenApiDocument> {
  try {
    componentFiles(path.join(path.dirname(root), 'components'));
  } catch (error) {
    throw new SpecError((error as Error).message);
  }
  const core = require('@redocly/openapi-core') as RedoclyCore;
  // Bundling needs no lint rules: `npm run lint` lints.
  const config = await core.createConfig({ extends: [], rules: {} });
  const externalRefResolver = new (syncFileResolver(core))(config.resolve);
  const { bundle: result, problems } = await core.bundle({ ref: root, config, dereference: false, externalRefResolver });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new SpecError(`Could not bundle ${rel(root)}:\n${describe(errors, core.getLineColLocation)}`);
  // The CLI writes the tag groups last; do the same, so both bundles read alike.
  const { 'x-tagGroups': tagGroups, ...rest } = result.parsed as OpenApiDocument;
  return (tagGroups === undefined ? rest : { ...rest, 'x-tagGroups': tagGroups }) as OpenApiDocument;
}

/**
 * Redocly's resolver, reading local files at once instead of through fs.promises: its
 * open/stat/read/close round trips through libuv's thread pool, for each of the spec's 900 files,
 * took a third of the bundling time on a busy 2-core machine. Anything but a plain local file
 * (a URL, a folder, a missing file) goes to Redocly's own code, so errors read as before.
 */
function syncFileResolver(core: RedoclyCore) {
  return class SyncFileResolver extends core.BaseResolver {
    override async loadExternalRef(absoluteRef: string) {
      if (path.isAbsolute(absoluteRef)) {
        try {
          return new core.Source(absoluteRef, readFileSync(absoluteRef, 'utf8').replace(/\r\n/g, '\n'));
        } catch {}
      }
      return super.loadExternalRef(absoluteRef);
    }
  };
}

/**
 * A bundle as YAML, written the way `redocly bundle` writes it (js-yaml, through Redocly's own
 * helper): four times faster than the `yaml` package on our 1.4 MB bundle.
 */
export function toYaml(doc: object): string {
  const { stringifyYaml } = require('@redocly/openapi-core') as RedoclyCore;
  return stringifyYaml(doc, { noRefs: true, lineWidth: -1 });
}

/** One line per distinct problem, at its first place (a missing file is referenced from many). */
function describe(problems: Problem[], lineCol: RedoclyCore['getLineColLocation']): string {
  const byMessage = new Map<string, Problem[]>();
  for (const p of problems) byMessage.set(p.message, [...(byMessage.get(p.message) ?? []), p]);
  return [...byMessage].map(([message, all]) => {
    const location = all[0]!.location[0];
    let place = '';
    if (location) {
      const file = rel(location.source.absoluteRef);
      const line = location.pointer ? `:${lineCol(location).start.line}` : '';
      place = `${file}${line}${location.pointer ? ` ${location.pointer}` : ''}: `;
    }
    const more = all.length > 1 ? ` (and ${all.length - 1} more place${all.length > 2 ? 's' : ''})` : '';
    return `  ${place}${message.split(`${ROOT}${path.sep}`).join('')}${more}`;
  }).join('\n');
}
