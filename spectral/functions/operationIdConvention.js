// operationId: camelCase, verb first, and the verb must fit the HTTP method
// (listPayments is a GET, createCoupon a POST, updateCustomer a PATCH, deleteWebhook a DELETE).
const VERBS_BY_METHOD = {
  get: ['list', 'get', 'download'],
  post: ['create', 'cancel', 'validate', 'regenerate', 'upload'],
  patch: ['update'],
  put: ['replace'],
  delete: ['delete'],
};
const CAMEL_CASE = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/;

export default function operationIdConvention(operation, _options, context) {
  const method = String(context.path[context.path.length - 1]);
  const id = operation && operation.operationId;
  if (typeof id !== 'string') return [];
  const where = [...context.path, 'operationId'];
  if (!CAMEL_CASE.test(id)) {
    return [{ message: `operationId "${id}" must be camelCase with a leading verb, like "listPayments".`, path: where }];
  }
  const verb = id.match(/^[a-z]+/)[0];
  const allowed = VERBS_BY_METHOD[method] || [];
  if (!allowed.includes(verb)) {
    return [
      {
        message: `operationId "${id}" starts with "${verb}", which does not fit ${method.toUpperCase()}; use one of: ${allowed.join(', ')}.`,
        path: where,
      },
    ];
  }
  return [];
}
