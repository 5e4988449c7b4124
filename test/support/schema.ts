// Validates JSON values against schemas of the committed bundle (JSON Schema 2020-12, as OpenAPI 3.1 uses).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { deref, escapePointerPart as escape } from '../../scripts/lib/refs.ts';
import { bundle } from './bundle.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ID = 'https://checkoutpage-openapi.local/openapi.json';
// strict: false because OpenAPI adds keywords (example, discriminator...) that JSON Schema does not define.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...bundle, $id: ID });


const resolve = (node: unknown) => deref(bundle, node);

/** Throws with ajv's report when `value` does not match the schema at `pointer` in the bundle. */
export function assertMatches(pointer: string, value: unknown): void {
  const validate = ajv.getSchema(`${ID}${pointer}`) ?? ajv.compile({ $ref: `${ID}${pointer}` });
  if (!validate(value)) {
    throw new Error(`Value does not match ${pointer}:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  }
}

/** Whether a value matches a schema taken from the bundle (its local $refs resolve in the bundle). */
export function validates(schema: unknown, value: unknown): boolean {
  const absolute = JSON.parse(JSON.stringify(schema ?? {}), (key, v) => (key === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${ID}${v}` : v));
  if (typeof absolute === 'boolean') return absolute;
  return ajv.validate(absolute, value) as boolean;
}

/** The media types one documented response declares, following $refs. */
export function responseMediaTypes(path: string, method: string, status: string): string[] {
  const operation = (bundle.paths as any)[path][method];
  return Object.keys(resolve(operation.responses[status])?.content ?? {});
}

/** The JSON pointer of the application/json schema of one documented response, following $refs. */
export function responseSchemaPointer(path: string, method: string, status: string): string {
  const operation = (bundle.paths as any)[path][method];
  const response = operation.responses[status];
  const schema = resolve(response)?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} ${status} has no JSON body`);
  if (typeof schema.$ref === 'string') return schema.$ref;
  return `#/paths/${escape(path)}/${method}/responses/${status}/content/application~1json/schema`;
}
