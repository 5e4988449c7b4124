// Helpers shared by the house rule functions (Spectral bundles each function with its imports).

/** Follows local $refs (#/...) through the whole document. */
export function deref(document, node) {
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

export const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];

/** The application/json schema of an operation's first 2xx response, dereferenced. */
export function successSchema(document, operation) {
  const responses = (operation && operation.responses) || {};
  const status = Object.keys(responses).find((code) => code.startsWith('2'));
  const response = status && deref(document, responses[status]);
  const media = response && response.content && response.content['application/json'];
  return media ? deref(document, media.schema) : undefined;
}

export const typesOf = (schema) => (schema ? [].concat(schema.type || []) : []);
