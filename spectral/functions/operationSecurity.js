// Every operation is secured by the bearer API key: through the root `security` or its own.
import { deref } from './lib.js';

export default function operationSecurity(operation, _options, context) {
  const document = context.document.data;
  const requirements = operation && operation.security !== undefined ? operation.security : document.security;
  const schemes = (document.components && document.components.securitySchemes) || {};
  const bearer = (requirements || []).some((requirement) =>
    Object.keys(requirement).some((name) => {
      const scheme = deref(document, schemes[name]);
      return scheme && scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer';
    }),
  );
  return bearer ? [] : [{ message: 'The operation must require the bearer API key (root or operation `security`).' }];
}
