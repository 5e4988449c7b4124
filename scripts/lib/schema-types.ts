// generated/schema.d.ts: openapi-typescript's types for the bundle, with three refinements of our own
// (below). Rendered in a worker thread (schema-types-thread.ts) so that loading openapi-typescript
// and the TypeScript compiler overlaps with bundling and with writing the bundle.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { OpenApiDocument } from './bundle.ts';

/**
 * `not: {}` matches nothing: the spec marks a property that one branch of a rule forbids this way
 * (a boolean `false` schema means the same, but many generators crash on it). openapi-typescript
 * types `not` as `unknown`; we type it `never`, so that the forbidden property is `?: never`.
 */
export const isForbiddenSchema = (schema: unknown): boolean => {
  if (!schema || typeof schema !== 'object') return false;
  const { not, description, title, ...rest } = schema as Record<string, unknown>;
  return !!not && typeof not === 'object' && Object.keys(not).length === 0 && Object.keys(rest).length === 0;
};

/**
 * `oneOf: [{not: {}}, {type: 'null'}]`: a property that one branch of a rule leaves unset, where
 * the API takes an explicit `null` as unset (nullable inputs). It matches only `null`, like
 * `type: 'null'`, but tools that merge a property's schemas across branches (the vendor-fidelity
 * check) do not mistake it for the property's type. openapi-typescript types the `not: {}` member
 * `unknown`, which swallows the `null`; we type the property `null`, so it is `?: null`.
 */
export const isUnsetSchema = (schema: unknown): boolean => {
  if (!schema || typeof schema !== 'object') return false;
  const { oneOf, description, title, ...rest } = schema as Record<string, unknown>;
  if (!Array.isArray(oneOf) || oneOf.length !== 2 || Object.keys(rest).length > 0) return false;
  const isNull = (s: any) => !!s && typeof s === 'object' && s.type === 'null' && Object.keys(s).length === 1;
  return oneOf.some(isForbiddenSchema) && oneOf.some(isNull);
};

/** `type: string, format: binary`: a file's bytes (an upload's file part, a PDF answer). */
const isBinarySchema = (schema: unknown): boolean =>
  !!schema && typeof schema === 'object' && (schema as Record<string, unknown>).type === 'string' && (schema as Record<string, unknown>).format === 'binary';

// Both are loaded through require, from their CommonJS builds: an ES `import` of the 9 MB
// CommonJS TypeScript compiler makes Node scan all of it for export names first, which doubled
// the load time (1.2 s instead of 0.6 s).
const require = createRequire(import.meta.url);
type OpenapiTS = typeof import('openapi-typescript');
type TypeScript = typeof import('typescript');
export const loadOpenapiTS = (): OpenapiTS => require('openapi-typescript') as OpenapiTS;

/** The types, rendered in this thread. */
export async function renderSchemaTypes(doc: OpenApiDocument): Promise<string> {
  const { default: openapiTS, astToString, NEVER, NULL } = loadOpenapiTS();
  const { factory } = require('typescript') as TypeScript;
  // Binary data is a Blob (or File) in TypeScript, not a string: openapi-typescript's own recipe.
  const BLOB = factory.createTypeReferenceNode('Blob');
  const ast = await openapiTS(doc as never, {
    // A property with a `default` is still optional for callers.
    defaultNonNullable: false,
    transform: (schema) =>
      isForbiddenSchema(schema) ? NEVER : isUnsetSchema(schema) ? NULL : isBinarySchema(schema) ? BLOB : undefined,
  });
  return astToString(ast);
}

export interface SchemaTypesThread {
  /** Sends the bundle to the thread; resolves with the types. Call once. */
  render(doc: OpenApiDocument): Promise<string>;
  /** Stops the thread (at once if it is still loading). */
  close(): Promise<void>;
}

/**
 * Starts the worker now, so it loads openapi-typescript while the caller waits for the bundle.
 * Worker threads do not inherit tsx's loader in Node 20, so the thread registers it itself.
 */
export function startSchemaTypesThread(): SchemaTypesThread {
  const tsx = import.meta.resolve('tsx/esm/api');
  const thread = new URL('./schema-types-thread.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(thread)}); });`,
    { eval: true },
  );
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The schema types thread stopped early (exit code ${code}).`)));
  });
  failed.catch(() => undefined); // only awaited through render()
  return {
    render(doc) {
      const answer = new Promise<string>((resolve, reject) =>
        worker.once('message', (message: { types?: string; error?: string }) =>
          message.error === undefined ? resolve(message.types!) : reject(new Error(message.error)),
        ),
      );
      worker.postMessage(doc);
      return Promise.race([answer, failed]);
    },
    close: () => worker.terminate().then(() => undefined),
  };
}
