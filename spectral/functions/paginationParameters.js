// A paginated list (its 200 body has `has_more`) must take the shared limit/starting_after/ending_before
// parameters by $ref, so every list pages the same way.
const SHARED = {
  limit: '#/components/parameters/Limit',
  starting_after: '#/components/parameters/StartingAfter',
  ending_before: '#/components/parameters/EndingBefore',
};

function deref(document, node) {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string' && current.$ref.startsWith('#/') && hops < 20; hops++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((value, key) => (value == null ? undefined : value[key]), document);
  }
  return current;
}

export default function paginationParameters(operation, _options, context) {
  const document = context.document.data;
  const ok = operation && operation.responses && deref(document, operation.responses['200']);
  const schema = ok && ok.content && ok.content['application/json'] && deref(document, ok.content['application/json'].schema);
  if (!schema || !schema.properties || !('has_more' in schema.properties)) return [];
  const refs = new Set((operation.parameters || []).map((parameter) => parameter.$ref));
  return Object.entries(SHARED)
    .filter(([, ref]) => !refs.has(ref))
    .map(([name, ref]) => ({
      message: `Paginated list must use the shared \`${name}\` parameter: add { $ref: '${ref}' } to its parameters.`,
      path: [...context.path, 'parameters'],
    }));
}
