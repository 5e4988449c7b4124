// Request and response bodies name their schema: the media type's schema is a $ref to components.
export default function namedSchemaRef(media, _options, context) {
  if (!media || typeof media !== 'object' || !media.schema) return [];
  if (typeof media.schema.$ref === 'string' && media.schema.$ref.startsWith('#/components/schemas/')) return [];
  const type = context.path[context.path.length - 1];
  return [{ message: `The ${type} body must use a named schema: move it to components/schemas and $ref it.`, path: [...context.path, 'schema'] }];
}
