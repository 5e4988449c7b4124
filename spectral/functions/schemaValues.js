// Every `example` and `default` written on a schema must match that schema: the check of Spectral's
// oas3-valid-schema-example, done once per schema on the unresolved bundle. Spectral's own rule runs
// on the resolved document, where each shared schema is inlined wherever it is used, and it copies
// and recompiles the whole schema for each visit: on this spec that was 3.3 of the lint's 4 seconds
// of Spectral work. Here one Ajv instance holds the whole document, and each schema compiles once.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ID = 'https://checkout-page.local/lint/openapi.json';
// Keys whose value is data, never a schema.
const DATA = new Set(['example', 'examples', 'default', 'const', 'enum', 'value']);
// Keys whose value is a map from names to objects (a property may be called `default`, and so may a response).
const NAMED = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas', 'schemas', 'paths', 'webhooks', 'callbacks', 'responses', 'requestBodies', 'headers', 'content', 'parameters']);
// Where schemas live: the places Spectral's rule looks (and components.schemas).
const ROOTS = new Set(['content', 'headers', 'parameters']);
const SHAPE = ['enum', 'type', 'format', '$ref', 'properties', 'items'];

const pointer = (at) => at.map((part) => String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export default function schemaValues(document, _options, context) {
  // strict: false because OpenAPI adds keywords (discriminator, xml...) that JSON Schema does not define.
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
  (addFormats.default ?? addFormats)(ajv);
  ajv.addSchema({ ...document, $id: ID });
  const results = [];
  const check = (node, at) => {
    for (const field of ['example', 'default']) {
      if (!(field in node)) continue;
      let validate;
      try {
        validate = ajv.getSchema(`${ID}#/${pointer(at)}`);
      } catch (error) {
        results.push({ message: `"${field}" cannot be checked: its schema does not compile (${error.message})`, path: [...at, field] });
        return;
      }
      if (validate && !validate(node[field])) {
        const [first] = validate.errors ?? [];
        // Worded as Spectral's own rule words it: "default" property type must be integer.
        const where = first?.instancePath ? ` ${first.instancePath.slice(1).replace(/\//g, '.')}` : '';
        results.push({ message: `"${field}" property${where} ${first?.message ?? 'is invalid'}`, path: [...at, field] });
      }
    }
  };
  // `named`: the keys of this node are names (of properties, components...), not keywords.
  const walk = (node, at, active, named) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...at, i], active, false));
      return;
    }
    if (active && !named && ('example' in node || 'default' in node) && SHAPE.some((key) => key in node)) check(node, at);
    for (const [key, value] of Object.entries(node)) {
      if (!named && (DATA.has(key) || key.startsWith('x-'))) continue;
      const inSchemas = key === 'schemas' && at.length === 1 && at[0] === 'components';
      walk(value, [...at, key], active || (!named && (ROOTS.has(key) || inSchemas)), !named && NAMED.has(key));
    }
  };
  walk(document, [...context.path], false, false);
  return results;
}
