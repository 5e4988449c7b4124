// operationId: camelCase, verb first, and the verb must fit the method and the path:
// list (GET, answers {data: [...]}), get (GET, one object), create (POST on a collection),
// update (PATCH on an item), delete (DELETE on an item), download (GET), and action verbs
// (POST, named by a path segment: /subscriptions/{id}/cancel, /tickets/validate/{code}).
import { successSchema, typesOf } from './lib.js';

const CAMEL_CASE = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/;
const ACTIONS = ['cancel', 'validate', 'regenerate', 'upload'];
const VERBS_BY_METHOD = {
  get: ['list', 'get', 'download'],
  post: ['create', ...ACTIONS],
  patch: ['update'],
  put: ['replace'],
  delete: ['delete'],
};

function pathProblem(verb, path, operation, document) {
  const endsWithParam = /\}$/.test(path);
  const segments = path.split('/');
  const schema = successSchema(document, operation);
  const returnsList = Boolean(schema && schema.properties && typesOf(schema.properties.data).includes('array'));
  if (verb === 'list' && !returnsList) return 'a list operation must answer {data: [...]}';
  if (verb === 'get' && returnsList) return 'this operation answers a list: name it list...';
  if ((verb === 'list' || verb === 'create') && endsWithParam) return `"${verb}" belongs on a collection path, not on an item`;
  if ((verb === 'update' || verb === 'delete') && !endsWithParam) return `"${verb}" belongs on an item path ending in {id}`;
  if (ACTIONS.includes(verb) && !segments.includes(verb)) return `the action "${verb}" must be a segment of the path`;
  return undefined;
}

export default function operationIdConvention(operation, _options, context) {
  const method = String(context.path[context.path.length - 1]);
  const path = String(context.path[context.path.length - 2]);
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
  const problem = pathProblem(verb, path, operation, context.document.data);
  return problem ? [{ message: `operationId "${id}" does not fit ${method.toUpperCase()} ${path}: ${problem}.`, path: where }] : [];
}
