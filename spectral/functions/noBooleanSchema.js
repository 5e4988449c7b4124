// A boolean subschema (`cancelAt: false` for "forbidden in this branch") is valid JSON Schema, but
// several code generators crash on it ("Schema is required"). Say the same with `not: {}`.
// `additionalProperties` and `unevaluatedProperties` may stay booleans: every tool reads those.

// Keywords whose value is one schema, and those whose value is a list or map of schemas.
const ONE = ['items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'additionalItems', 'unevaluatedItems', 'schema'];
const MANY = ['properties', 'patternProperties', 'dependentSchemas', 'prefixItems', 'allOf', 'anyOf', 'oneOf'];
// Keywords whose value is data, not schema: never look inside them.
const DATA = new Set(['example', 'examples', 'default', 'const', 'enum', 'value']);

export default function noBooleanSchema(document, _options, context) {
  const results = [];
  const report = (at) =>
    results.push({ message: 'Use `not: {}` instead of the boolean schema `false` (or drop a `true` one): many generators cannot read boolean subschemas.', path: at });
  const walk = (node, at) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (DATA.has(key) || key.startsWith('x-')) continue;
      if (ONE.includes(key) && typeof value === 'boolean') report([...at, key]);
      if (MANY.includes(key) && value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) if (typeof v === 'boolean') report([...at, key, Array.isArray(value) ? Number(k) : k]);
      }
      walk(value, [...at, Array.isArray(node) ? Number(key) : key]);
    }
  };
  walk(document, [...context.path]);
  return results;
}
