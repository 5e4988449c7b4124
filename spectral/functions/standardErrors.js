// Every operation documents the standard errors by $ref to the shared responses: 400, 401, 403,
// 429 and 500 always, 404 when the path has an id; any other 4xx/5xx it documents must be the
// shared response for that status too.
const SHARED = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'ContentTooLarge',
  415: 'UnsupportedMediaType',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  500: 'InternalServerError',
};
const ALWAYS = ['400', '401', '403', '429', '500'];

export default function standardErrors(operation, _options, context) {
  if (!operation || typeof operation !== 'object') return [];
  const path = String(context.path[context.path.length - 2]);
  const responses = operation.responses || {};
  const required = path.includes('{') ? [...ALWAYS, '404'] : ALWAYS;
  const results = [];
  for (const status of required) {
    if (!(status in responses)) {
      results.push({
        message: `Missing the standard ${status} response: add { $ref: '#/components/responses/${SHARED[status]}' }.`,
        path: [...context.path, 'responses'],
      });
    }
  }
  for (const [status, response] of Object.entries(responses)) {
    const name = SHARED[status];
    if (!name) continue;
    if (!response || response.$ref !== `#/components/responses/${name}`) {
      results.push({
        message: `Response ${status} must be { $ref: '#/components/responses/${name}' } (a description beside it may refine it).`,
        path: [...context.path, 'responses', status],
      });
    }
  }
  return results;
}
