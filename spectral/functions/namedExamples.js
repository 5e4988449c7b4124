// Every 2xx response body, request body and webhook body has at least one named example from
// components/examples (Prism serves them; the docs show them).
export default function namedExamples(media, _options, context) {
  if (!media || typeof media !== 'object') return [];
  const examples = Object.values(media.examples || {});
  if (examples.length > 0 && examples.every((example) => example && typeof example.$ref === 'string' && example.$ref.startsWith('#/components/examples/'))) {
    return [];
  }
  return [{ message: 'Add a named example: `examples: { Name: { $ref: "#/components/examples/Name" } }`.' }];
}
