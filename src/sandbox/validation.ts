// Request and record validation with Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses), compiled
// lazily per operation and shared by every sandbox made from the same bundle, so start-up stays
// fast and only the first request of an operation pays for compiling it. One Ajv instance, with no
// coercion and no defaults: request.ts turns query text into values and fills documented defaults,
// so that an update never receives a default the caller did not send.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorDetail } from './errors.js';
import type { Parameter, Route } from './model.js';
import type { OpenApiDocument, Schema } from './spec.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ID = 'https://sandbox.checkoutpage-openapi.local/openapi.json';

export type Check = (value: unknown) => ErrorDetail[] | undefined;

class Validators {
  private instance?: Ajv2020;
  private readonly compiled = new Map<string, Check>();
  private readonly bySchema = new WeakMap<object, Check>();
  private readonly fieldChecks = new WeakMap<object, Map<string, Check>>();

  constructor(private readonly doc: OpenApiDocument) {}

  private get ajv(): Ajv2020 {
    if (this.instance) return this.instance;
    // strict: false because OpenAPI adds keywords (example, discriminator...) that JSON Schema lacks;
    // validateSchema: false because lint already checks the bundle (and it makes adding it 25x faster).
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    for (const format of ['binary', 'byte', 'int32', 'int64', 'float', 'double', 'password']) ajv.addFormat(format, true);
    ajv.addSchema({ $id: ID, components: { schemas: this.doc.components.schemas } });
    return (this.instance = ajv);
  }

  private memo(key: string, build: () => Check): Check {
    let check = this.compiled.get(key);
    if (!check) this.compiled.set(key, (check = build()));
    return check;
  }

  /** Checks `{path, query}` (query values already coerced from text by the caller). */
  parameters(route: Route): Check {
    return this.memo(`${route.method} ${route.path} parameters`, () => {
      const group = (where: Parameter['in']) => {
        const list = route.parameters.filter((p) => p.in === where && p.schema);
        return {
          type: 'object',
          properties: Object.fromEntries(list.map((p) => [p.name, absolute(p.schema)])),
          required: list.filter((p) => p.required).map((p) => p.name),
        };
      };
      const schema = { type: 'object', properties: { path: group('path'), query: group('query') } };
      return toCheck(this.ajv.compile(schema), 1);
    });
  }

  /** Checks a request body (JSON, or multipart fields as an object). */
  body(route: Route, mediaType: string, schema: Schema): Check {
    return this.memo(`${route.method} ${route.path} ${mediaType}`, () => toCheck(this.ajv.compile(absolute(schema)), 0));
  }

  /** Checks a value against a schema of the bundle (a record against its answer schema). */
  schema(schema: Schema): Check {
    let check = this.bySchema.get(schema);
    if (!check) this.bySchema.set(schema, (check = toCheck(this.ajv.compile(absolute(schema)), 0)));
    return check;
  }

  /**
   * Checks only some fields of an object, each against its declared schema: cheaper to compile than
   * a whole large record schema when only the fields a request changed matter.
   */
  fields(owner: Schema, fields: Map<string, Schema>): Check {
    const key = `fields ${[...fields.keys()].sort().join(',')}`;
    const byOwner = this.fieldChecks.get(owner) ?? new Map<string, Check>();
    this.fieldChecks.set(owner, byOwner);
    let check = byOwner.get(key);
    if (!check) {
      const schema = { type: 'object', properties: Object.fromEntries([...fields].map(([name, s]) => [name, absolute(s)])) };
      byOwner.set(key, (check = toCheck(this.ajv.compile(schema), 0)));
    }
    return check;
  }
}

const cache = new WeakMap<OpenApiDocument, Validators>();

export function validatorsFor(doc: OpenApiDocument): Validators {
  let validators = cache.get(doc);
  if (!validators) cache.set(doc, (validators = new Validators(doc)));
  return validators;
}

export type { Validators };

/** A copy of a schema taken out of the bundle, its local `#/...` refs made absolute. */
function absolute(schema: unknown): Schema {
  return JSON.parse(JSON.stringify(schema ?? {}), (key, value) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${ID}${value}` : value,
  ) as Schema;
}

function toCheck(validate: ValidateFunction, skip: number): Check {
  return (value) => (validate(value) ? undefined : details(validate.errors ?? [], value, skip));
}

/**
 * Ajv's errors as the API's `errors[]`: one entry per bad field, named by its dotted path. When no
 * branch of a oneOf matches, only the branch that came closest (fewest errors) is reported, so a
 * coupon with both `amountOff` and `percentOff` gets one clear entry rather than every branch's.
 */
function details(errors: ErrorObject[], root: unknown, skip: number): ErrorDetail[] {
  const kept = closestBranches(errors);
  const seen = new Set<string>();
  const out: ErrorDetail[] = [];
  for (const error of kept) {
    const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const value = parts.reduce<any>((v, key) => v?.[key], root);
    const { missingProperty, additionalProperty } = error.params as { missingProperty?: string; additionalProperty?: string };
    const leaf = missingProperty ?? additionalProperty;
    const path = [...parts.slice(skip), ...(leaf ? [leaf] : [])];
    const param = path.join('.') || 'body';
    const detail: ErrorDetail = { param, message: messageOf(error) };
    if (error.keyword === 'additionalProperties') detail.value = value?.[leaf!];
    else if (!leaf && value !== undefined) detail.value = value;
    const key = `${detail.param}\n${detail.message}`;
    if (!seen.has(key)) out.push(detail);
    seen.add(key);
  }
  return out;
}

function closestBranches(errors: ErrorObject[]): ErrorObject[] {
  let result = errors;
  const composites = errors
    .filter((e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && !(e.params as { passingSchemas?: unknown }).passingSchemas)
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const composite of composites) {
    if (!result.includes(composite)) continue;
    const prefix = `${composite.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of result) {
      if (!e.schemaPath.startsWith(prefix) || !e.instancePath.startsWith(composite.instancePath)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    if (branches.size === 0) continue;
    const fewest = Math.min(...[...branches.values()].map((b) => b.length));
    const closest = [...branches.values()].filter((b) => b.length === fewest);
    const dropped = new Set([composite, ...[...branches.values()].filter((b) => b !== closest[0]).flat()]);
    result = result.filter((e) => !dropped.has(e));
    // Branches that each lack one field (a cancellation with no timing): say to send one of them.
    if (closest.length > 1 && closest.every((b) => b.length === 1 && b[0]!.keyword === 'required')) {
      const among = closest.map((b) => (b[0]!.params as { missingProperty: string }).missingProperty);
      const at = result.indexOf(closest[0]![0]!);
      result = [...result.slice(0, at), ...closest.map((b) => ({ ...b[0]!, keyword: 'oneOfRequired', params: { ...b[0]!.params, among } })), ...result.slice(at + 1)];
    }
  }
  return result;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'oneOfRequired':
      return `send exactly one of: ${(params.among as string[]).join(', ')}`;
    case 'additionalProperties':
      return 'is not a known field';
    case 'not':
      return 'is not allowed together with the other fields sent';
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'format':
      return `must be a valid ${params.format}`;
    case 'oneOf':
      return params.passingSchemas ? 'matches more than one of the allowed forms; send the fields of only one' : 'does not match any allowed form';
    case 'minProperties':
      return params.limit === 1 ? 'must contain at least one field' : (error.message ?? 'is invalid');
    default:
      return error.message ?? 'is invalid';
  }
}
