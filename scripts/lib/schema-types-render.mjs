// generated/schema.d.ts: openapi-typescript's types for the bundle, with three refinements of our
// own (below). Plain JavaScript, so that the worker thread that runs it (schema-types-worker.mjs)
// needs no tsx: a worker that loads through tsx gets a loader-hooks thread of its own and has the
// 9 MB TypeScript compiler scanned for source maps, which slowed `npm run generate` by a third.
// Types for TypeScript callers: schema-types-render.d.mts.
import { createRequire } from 'node:module';

// Through require, from the CommonJS builds: an ES `import` of the CommonJS TypeScript compiler
// makes Node scan all of it for export names first, which doubles its load time. openapi-typescript
// by its modules (its package exports `./*`): its main module also loads all of Redocly's library,
// for the check that renderSchemaTypes leaves out, which is a third of its load time.
const require = createRequire(import.meta.url);
const load = () => ({
  transformSchema: require('openapi-typescript/dist/transform/index.cjs'),
  ...require('openapi-typescript/dist/lib/ts.cjs'),
  ...require('openapi-typescript/dist/lib/utils.cjs'),
  factory: require('typescript').factory,
});

/**
 * `not: {}` matches nothing: the spec marks a property that one branch of a rule forbids this way
 * (a boolean `false` schema means the same, but many generators crash on it). openapi-typescript
 * types `not` as `unknown`; we type it `never`, so that the forbidden property is `?: never`.
 */
const isForbiddenSchema = (schema) => {
  if (!schema || typeof schema !== 'object') return false;
  const { not, description, title, ...rest } = schema;
  return !!not && typeof not === 'object' && Object.keys(not).length === 0 && Object.keys(rest).length === 0;
};

/**
 * `oneOf: [{not: {}}, {type: 'null'}]`: a property that one branch of a rule leaves unset, where
 * the API takes an explicit `null` as unset (nullable inputs). It matches only `null`, like
 * `type: 'null'`, but tools that merge a property's schemas across branches (the vendor-fidelity
 * check) do not mistake it for the property's type. openapi-typescript types the `not: {}` member
 * `unknown`, which swallows the `null`; we type the property `null`, so it is `?: null`.
 */
const isUnsetSchema = (schema) => {
  if (!schema || typeof schema !== 'object') return false;
  const { oneOf, description, title, ...rest } = schema;
  if (!Array.isArray(oneOf) || oneOf.length !== 2 || Object.keys(rest).length > 0) return false;
  const isNull = (s) => !!s && typeof s === 'object' && s.type === 'null' && Object.keys(s).length === 1;
  return oneOf.some(isForbiddenSchema) && oneOf.some(isNull);
};

/** `type: string, format: binary`: a file's bytes (an upload's file part, a PDF answer). */
const isBinarySchema = (schema) => !!schema && typeof schema === 'object' && schema.type === 'string' && schema.format === 'binary';

/** Our options to openapi-typescript (loading it, if it is not yet). */
export function typesOptions() {
  const { NEVER, NULL, factory } = load();
  // Binary data is a Blob (or File) in TypeScript, not a string: openapi-typescript's own recipe.
  const BLOB = factory.createTypeReferenceNode('Blob');
  return {
    // A property with a `default` is still optional for callers.
    defaultNonNullable: false,
    transform: (schema) =>
      isForbiddenSchema(schema) ? NEVER : isUnsetSchema(schema) ? NULL : isBinarySchema(schema) ? BLOB : undefined,
  };
}

/**
 * What `openapiTS(doc, typesOptions())` returns, as text, without its first step: that step lints
 * the document with Redocly's `minimal` rules and bundles it again, which on our already bundled
 * document is a third of openapi-typescript's time. The caller lints with those rules itself
 * (spec-structure.ts) at the same time, in its own thread. The context below is openapiTS's own,
 * field for field; test/generate/schema-types.test.ts checks that both give the same text.
 */
export function renderSchemaTypes(doc) {
  const { transformSchema, astToString, scanDiscriminators, resolveRef } = load();
  const options = typesOptions();
  const ctx = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: options.defaultNonNullable,
    discriminators: scanDiscriminators(doc, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent: false,
    inject: undefined,
    transform: options.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(doc, $ref, { silent: false }),
  };
  return astToString(transformSchema(doc, ctx));
}
