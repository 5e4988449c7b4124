// list... operations page the same way: the shared limit/starting_after/ending_before parameters
// and a {data, has_more, total} body; or they say `x-paginated: false` and answer {data: [...]} only.
import { successSchema, typesOf } from './lib.js';

const SHARED = {
  limit: '#/components/parameters/Limit',
  starting_after: '#/components/parameters/StartingAfter',
  ending_before: '#/components/parameters/EndingBefore',
};

export default function listConvention(operation, _options, context) {
  if (!operation || typeof operation.operationId !== 'string' || !operation.operationId.startsWith('list')) return [];
  const document = context.document.data;
  const schema = successSchema(document, operation) || {};
  const properties = schema.properties || {};
  const required = schema.required || [];
  const refs = new Set((operation.parameters || []).map((parameter) => parameter.$ref));
  const at = (...rest) => [...context.path, ...rest];
  const results = [];
  if (!typesOf(properties.data).includes('array') || !required.includes('data')) {
    results.push({ message: 'A list must answer with a required `data` array.', path: at('responses') });
  }
  if (operation['x-paginated'] === false) {
    if (properties.has_more || properties.total) {
      results.push({ message: 'An unpaginated list (x-paginated: false) answers {data} only, without has_more or total.', path: at('responses') });
    }
    for (const [name, ref] of Object.entries(SHARED)) {
      if (refs.has(ref)) results.push({ message: `An unpaginated list (x-paginated: false) must not take \`${name}\`.`, path: at('parameters') });
    }
    return results;
  }
  for (const name of ['has_more', 'total']) {
    if (!properties[name] || !required.includes(name)) {
      results.push({
        message: `A paginated list must answer with a required \`${name}\` (or say x-paginated: false if the API does not page it).`,
        path: at('responses'),
      });
    }
  }
  for (const [name, ref] of Object.entries(SHARED)) {
    if (!refs.has(ref)) {
      results.push({ message: `Paginated list must use the shared \`${name}\` parameter: add { $ref: '${ref}' } to its parameters.`, path: at('parameters') });
    }
  }
  return results;
}
