// A nullable enum is written `anyOf: [{type, enum: [...]}, {type: 'null'}]`, not with `null` in the
// enum list: both are valid, but openapi-zod-client turns the second into `z.enum([..., null])`,
// which does not compile (openapi-zod-client issue 236).
const DATA = new Set(['example', 'examples', 'default', 'const', 'value']);

export default function noNullInEnum(document, _options, context) {
  const results = [];
  const walk = (node, at) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node.enum) && node.enum.includes(null)) {
      results.push({
        message: "Do not list null in an enum: write anyOf: [{ type: ..., enum: [...] }, { type: 'null' }] (openapi-zod-client cannot compile the other form).",
        path: [...at, 'enum'],
      });
    }
    for (const [key, value] of Object.entries(node)) {
      if (DATA.has(key) || key.startsWith('x-')) continue;
      walk(value, [...at, Array.isArray(node) ? Number(key) : key]);
    }
  };
  walk(document, [...context.path]);
  return results;
}
