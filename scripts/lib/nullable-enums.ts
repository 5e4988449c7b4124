// The bundle writes a nullable enum in OpenAPI 3.1's own form, `type: [string, 'null']` with `null`
// in the `enum`, so the docs list its values. openapi-zod-client turns that form into
// `z.enum([..., null])`, which does not compile (openapi-zod-client issue 236); for that tool
// alone, this rewrites each such schema to the equivalent `anyOf: [{type, enum}, {type: 'null'}]`.
type Json = any;

// Keys whose values are data, not schemas: an example may well have `type` and `enum` keys.
const DATA = new Set(['example', 'examples', 'default', 'const', 'enum', 'value']);

/** Whether a schema is a nullable enum in the 3.1 form: null among both its types and its values. */
export function isNullableEnum(schema: Json): boolean {
  return (
    !!schema && typeof schema === 'object' && !Array.isArray(schema) &&
    Array.isArray(schema.enum) && schema.enum.includes(null) &&
    Array.isArray(schema.type) && schema.type.includes('null') && schema.type.length > 1
  );
}

function rewrite(schema: Json): Json {
  const { type, enum: values, ...rest } = schema;
  const types = (type as string[]).filter((t) => t !== 'null');
  return {
    ...rest,
    anyOf: [{ type: types.length === 1 ? types[0] : types, enum: (values as unknown[]).filter((v) => v !== null) }, { type: 'null' }],
  };
}

/** A copy of an OpenAPI document with every nullable enum written as an anyOf; the input is untouched. */
export function nullableEnumsAsAnyOf(document: Json): { document: Json; rewritten: number } {
  let rewritten = 0;
  const walk = (node: Json, key?: string): Json => {
    if (Array.isArray(node)) return node.map((item) => walk(item));
    if (!node || typeof node !== 'object') return node;
    if (key !== undefined && (DATA.has(key) || key.startsWith('x-'))) return node;
    const copy: Json = {};
    for (const [k, v] of Object.entries(node)) copy[k] = DATA.has(k) || k.startsWith('x-') ? v : walk(v, k);
    if (isNullableEnum(copy)) {
      rewritten++;
      return rewrite(copy);
    }
    return copy;
  };
  return { document: walk(document), rewritten };
}
