// A nullable enum is written in OpenAPI 3.1's own form, `type: [string, 'null']` with `null` in
// the enum list, so the docs show its values in one place (an anyOf hides them behind tabs).
// openapi-zod-client cannot compile that form (its issue 236); `npm run bundle:anyof-enums`
// rewrites a copy of the bundle for it (README "Works with").
const DATA = new Set(['example', 'examples', 'default', 'const', 'enum', 'value']);

const isOnlyNull = (s) => !!s && typeof s === 'object' && s.type === 'null' && Object.keys(s).length === 1;
const hasEnum = (s) => !!s && typeof s === 'object' && Array.isArray(s.enum);
const types = (s) => [].concat(s.type === undefined ? [] : s.type);

export default function nullableEnum(document, _options, context) {
  const results = [];
  const walk = (node, at) => {
    if (!node || typeof node !== 'object') return;
    const choice = Array.isArray(node.anyOf) ? 'anyOf' : Array.isArray(node.oneOf) ? 'oneOf' : undefined;
    const branches = choice ? node[choice] : [];
    if (branches.length === 2 && branches.some(isOnlyNull) && branches.some(hasEnum)) {
      results.push({
        message: `Write a nullable enum as type: [<type>, 'null'] with null in the enum list, not ${choice}: [{ enum }, { type: 'null' }] (the docs then list its values).`,
        path: [...at, choice],
      });
    }
    if (hasEnum(node) && node.type !== undefined) {
      const nullType = types(node).includes('null');
      const nullValue = node.enum.includes(null);
      if (nullType !== nullValue) {
        results.push({
          message: nullType
            ? "The type admits 'null' but the enum does not list null, so null is refused: add null to the enum."
            : "The enum lists null but the type does not admit it: add 'null' to the type.",
          path: [...at, 'enum'],
        });
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (DATA.has(key) || key.startsWith('x-')) continue;
      walk(value, [...at, Array.isArray(node) ? Number(key) : key]);
    }
  };
  walk(document, [...context.path]);
  return results;
}
