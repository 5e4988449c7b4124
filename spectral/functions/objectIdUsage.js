// Ids use the shared ObjectId schema: path and query parameters named ...Id (and the cursors),
// and schema properties named id / ...Id / ...Ids. Names listed in `allow` are ids of another
// format (order numbers, Stripe ids, session ids...) and are exempt.
const OBJECT_ID = /^#\/components\/schemas\/(Nullable)?ObjectId$/;
const isIdName = (name) => name === 'id' || /[a-z]Ids?$/.test(name);
// `not: {}`: a property that this branch of a rule forbids; it has no type to check.
const isForbidden = (schema) => Boolean(schema && schema.not && typeof schema.not === 'object' && Object.keys(schema.not).length === 0);

function usesObjectId(schema) {
  if (!schema || typeof schema !== 'object') return false;
  if (typeof schema.$ref === 'string') return OBJECT_ID.test(schema.$ref);
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    if (Array.isArray(schema[key]) && schema[key].some(usesObjectId)) return true;
  }
  return Boolean(schema.items && usesObjectId(schema.items));
}

export default function objectIdUsage(target, options, context) {
  const allow = new Set((options && options.allow) || []);
  const exempt = (name) => allow.has(name) || /^stripe|Stripe/.test(name);
  if (target && typeof target.in === 'string') {
    // A parameter.
    const idLike = isIdName(target.name) || target.name === 'starting_after' || target.name === 'ending_before';
    if (!idLike || exempt(target.name) || usesObjectId(target.schema)) return [];
    return [{ message: `Parameter "${target.name}" is an id: its schema must be { $ref: '#/components/schemas/ObjectId' }.` }];
  }
  // A schema's properties.
  const results = [];
  for (const [name, schema] of Object.entries((target && target.properties) || {})) {
    if (!isIdName(name) || exempt(name) || isForbidden(schema) || usesObjectId(schema)) continue;
    results.push({
      message: `Property "${name}" is an id: use $ref ObjectId (or NullableObjectId), or list it under objectIdUsage's allow option if the API uses another format.`,
      path: [...context.path, 'properties', name],
    });
  }
  return results;
}
