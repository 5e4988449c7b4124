// Timestamps are strings with format date-time; money amounts are integers (minor units).
import { typesOf } from './lib.js';

const TIMESTAMP = /(At|Date|On)$|^timestamp$/;
const MONEY = /^(amount|price|setupFee|fee)$|^amount[A-Z]|(Amount|Price|FeeAmount|Fee)$/;

export default function propertyTypes(schema, _options, context) {
  const results = [];
  for (const [name, property] of Object.entries((schema && schema.properties) || {})) {
    if (!property || typeof property !== 'object' || property.$ref) continue;
    const types = typesOf(property);
    const at = [...context.path, 'properties', name];
    if (TIMESTAMP.test(name) && types.includes('string') && property.format !== 'date-time') {
      results.push({ message: `Timestamp "${name}" must have format: date-time.`, path: at });
    }
    if (MONEY.test(name) && types.includes('number')) {
      results.push({ message: `Money amount "${name}" must be an integer in the smallest currency unit, not a number.`, path: at });
    }
  }
  return results;
}
