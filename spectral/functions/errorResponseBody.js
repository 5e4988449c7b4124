// A 4xx/5xx response must carry the shared error body. Operations point at a shared response
// in components/responses; those (and any inline one) must use the ApiError schema.
const ERROR_SCHEMA = '#/components/schemas/ApiError';

export default function errorResponseBody(response, _options, context) {
  if (!response || typeof response !== 'object') return [];
  if (typeof response.$ref === 'string') {
    return response.$ref.startsWith('#/components/responses/')
      ? []
      : [{ message: `Error responses must $ref a shared response in components/responses, not ${response.$ref}.` }];
  }
  const schema = response.content && response.content['application/json'] && response.content['application/json'].schema;
  if (!schema || schema.$ref !== ERROR_SCHEMA) {
    const status = context.path[context.path.length - 1];
    return [
      {
        message: `Error response ${status} must have an application/json body whose schema is $ref: ${ERROR_SCHEMA}.`,
      },
    ];
  }
  return [];
}
