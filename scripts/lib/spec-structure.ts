// The check openapi-typescript makes before it writes types, made on our bundle in the main thread
// while the worker renders the types without it (schema-types-render.mjs): every operationId is
// unique. (openapiTS() also asks for Redocly's `minimal` rules, but through an argument that
// Redocly's createConfig no longer reads, so that rule is all it checks. Checking the spec in full
// is `npm run lint`'s job.) Errors name the spec/ file and line each problem came from.
import { createRequire } from 'node:module';
import type { OpenApiDocument } from './bundle.ts';
import { SpecError } from './bundle.ts';
import { unescapePointerPart } from './refs.ts';

const require = createRequire(import.meta.url);
type RedoclyCore = typeof import('@redocly/openapi-core');

/** Throws SpecError listing every problem openapi-typescript's own check would stop at. */
export async function checkSpecStructure(doc: OpenApiDocument, specRoot?: string): Promise<void> {
  const { BaseResolver, createConfig, lintDocument, Source } = require('@redocly/openapi-core') as RedoclyCore;
  const config = await createConfig({ extends: [], rules: { 'operation-operationId-unique': 'error' } });
  const document = { source: new Source('openapi.json', '', 'application/json'), parsed: doc };
  const problems = await lintDocument({ document, config: config.styleguide, externalRefResolver: new BaseResolver() });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  // Loaded only now: it parses YAML with positions, which a valid spec never needs.
  const { createSourceMapper } = await import('./source-map.ts');
  const sourceOf = createSourceMapper(specRoot);
  const lines = errors.map((p) => {
    const pointer = p.location[0]?.pointer ?? '#/';
    const at = sourceOf(pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapePointerPart));
    return `  ${at.file}:${at.line}: ${p.message} (${p.ruleId})`;
  });
  throw new SpecError(`The spec breaks a rule openapi-typescript checks:\n${lines.join('\n')}`);
}
