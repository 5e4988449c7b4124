// Reading a request as the API would: the bearer key, then the parameters and the body, each
// checked against the operation's schemas. Anything invalid stops here with the documented 400.
import { ApiError, badRequest } from './errors.js';
import type { Route } from './model.js';
import type { SchemaReader, Schema } from './spec.js';
import type { Validators } from './validation.js';

/** The key of `Authorization: Bearer <key>`, or 401. `allowed` limits which keys work. */
export function apiKeyOf(request: Request, allowed?: ReadonlySet<string>): string {
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(request.headers.get('authorization') ?? '');
  if (!match || (allowed && !allowed.has(match[1]!))) throw new ApiError(401, 'Missing or invalid API key');
  return match[1]!;
}

/** Query text as the value its schema wants (`limit=5` is the integer 5); what does not convert stays text and fails the check. */
function fromText(text: string, types: Set<string>): unknown {
  if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (types.has('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Query values as the schema wants them (converted, documented defaults filled), after checking path and query. */
export function readParameters(reader: SchemaReader, validators: Validators, route: Route, params: Record<string, string>, url: URL): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const parameter of route.parameters) {
    if (parameter.in !== 'query') continue;
    const shape = reader.shape(parameter.schema);
    const values = url.searchParams.getAll(parameter.name);
    if (values.length === 0) {
      if (shape.default !== undefined) query[parameter.name] = shape.default;
      continue;
    }
    const itemTypes = reader.shape(shape.items).types;
    query[parameter.name] = shape.types.has('array') ? values.map((v) => fromText(v, itemTypes)) : fromText(values[0]!, shape.types);
  }
  const input = { path: { ...params }, query };
  const errors = validators.parameters(route)(input);
  if (errors) throw badRequest(errors);
  return input.query;
}

// Receivers on this machine are how people test webhooks, so loopback `http` URLs pass wherever
// the API demands `https` (a documented sandbox relaxation; nothing else is relaxed).
const LOOPBACK_HTTP = /^http:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:[/?#]|$)/i;

function asHttps(value: unknown): unknown {
  if (typeof value === 'string') return LOOPBACK_HTTP.test(value) ? `https://${value.slice('http://'.length)}` : value;
  if (Array.isArray(value)) return value.map(asHttps);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asHttps(v)]));
  return value;
}

export interface Body {
  value: any;
  /** The multipart form, when the operation takes one. */
  form?: FormData;
  /** The schema the body was checked against. */
  schema?: Schema;
}

/** Fills the documented `default` of every field a create body leaves out, in nested objects too. */
function withDefaults(reader: SchemaReader, value: unknown, schema: Schema | undefined): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  const target = value as Record<string, unknown>;
  for (const [name, field] of reader.shape(schema).properties) {
    const shape = reader.shape(field);
    if (target[name] === undefined && shape.default !== undefined) target[name] = structuredClone(shape.default);
    else if (target[name] && typeof target[name] === 'object') {
      if (Array.isArray(target[name])) for (const item of target[name] as unknown[]) withDefaults(reader, item, shape.items);
      else withDefaults(reader, target[name], field);
    }
  }
}

/** The parsed, checked body of the request (create bodies get their documented defaults filled in). */
export async function readBody(reader: SchemaReader, validators: Validators, route: Route, request: Request, create: boolean): Promise<Body> {
  const declared = reader.resolve(route.operation.requestBody);
  if (!declared?.content) return { value: undefined };
  const [mediaType, media] = Object.entries<Schema>(declared.content)[0]!;
  const check = (value: unknown) => {
    const errors = validators.body(route, mediaType, media.schema ?? {})(value);
    if (errors) throw badRequest(errors);
    if (create) withDefaults(reader, value, media.schema);
  };

  // Media types are case-insensitive (RFC 9110): `Multipart/Form-Data` is a multipart body too.
  if (mediaType === 'multipart/form-data') {
    if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
      throw badRequest([{ param: 'body', message: 'must be sent as multipart/form-data' }]);
    }
    const form = await request.formData().catch(() => {
      throw badRequest([{ param: 'body', message: 'is not a readable multipart/form-data body' }]);
    });
    // Files are checked as strings (their names): the schema says `format: binary`.
    const fields: Record<string, string> = {};
    form.forEach((value, key) => (fields[key] ??= typeof value === 'string' ? value : value.name));
    check(fields);
    return { value: fields, form, schema: media.schema };
  }

  const text = await request.text();
  if (text.trim() === '') {
    if (declared.required) throw badRequest([{ param: 'body', message: 'is required' }]);
    return { value: undefined, schema: media.schema };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest([{ param: 'body', message: 'is not valid JSON' }], 'Malformed JSON body');
  }
  // Checked as if loopback URLs were https; stored as sent.
  const loopback = /"http:\/\/(localhost|127\.|\[::1\])/i.test(text);
  const errors = validators.body(route, mediaType, media.schema ?? {})(loopback ? asHttps(value) : value);
  if (errors) throw badRequest(errors);
  if (create) withDefaults(reader, value, media.schema);
  return { value, schema: media.schema };
}
