// Every property says what it is: on the property itself, or on the named schema it references
// (shared components such as the theme styles are described once, in the component).
import { deref } from './lib.js';

export default function propertyDescription(schema, _options, context) {
  const results = [];
  for (const [name, property] of Object.entries((schema && schema.properties) || {})) {
    if (!property || typeof property !== 'object') continue;
    const target = property.$ref ? deref(context.document.data, property) : property;
    if (property.description || (target && target.description)) continue;
    results.push({
      message: `Property "${name}" has no description: say what it holds (on the property, or on the schema it references).`,
      path: [...context.path, 'properties', name],
    });
  }
  return results;
}
