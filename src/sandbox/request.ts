// Reading a request as the API would: the bearer key, then the parameters and the body, each
// checked against the operation's schemas and the sandbox's limits (limits.ts), and the body cut
// down to what its schema declares (declaredOnly: the one rule for what a body may set). Anything
// invalid stops here with the documented error.
import { ApiError, badRequest } from './errors.js';
import { LIMITS, checkParsed, checkNesting, isJsonType, readLimited } from './limits.js';
import type { Route } from './model.js';
import type { SchemaReader, Schema } from './spec.js';
import type { Validators } from './validation.js';

/**
 * What `sandbox.fetch` was given, as a Request, or the 400 answer when it cannot be one (a URL
 * that does not parse, a GET with a body): the in-process door always resolves to a Response.
 */
export function toRequest(input: RequestInfo | URL, init?: RequestInit): Request | Response {
  try {
    return new Request(input, init);
  } catch (error) {
    return new ApiError(400, `Not a valid request: ${error instanceof Error ? error.message : String(error)}`).toResponse();
  }
}

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

/**
 * The documented default of a field: its `default`, else a value its description gives as "Defaults
 * to `text`" when that value is one of its enum values or a boolean (the spec states some defaults
 * only in prose).
 */
function defaultOf(reader: SchemaReader, field: Schema | undefined): unknown {
  const shape = reader.shape(field);
  if (shape.default !== undefined) return structuredClone(shape.default);
  const said = /\bdefaults? to `([^`]+)`/i.exec(shape.description ?? '')?.[1];
  if (said === undefined) return undefined;
  if (shape.enum?.includes(said)) return said;
  if (shape.types.has('boolean') && (said === 'true' || said === 'false')) return said === 'true';
  return undefined;
}

/** Fills the documented default of every field a create body leaves out, in nested objects too. */
function withDefaults(reader: SchemaReader, value: unknown, schema: Schema | undefined): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  const target = value as Record<string, unknown>;
  for (const [name, field] of reader.shape(schema).properties) {
    const shape = reader.shape(field);
    if (target[name] === undefined) {
      const fallback = defaultOf(reader, field);
      if (fallback !== undefined) target[name] = fallback;
    } else if (target[name] && typeof target[name] === 'object') {
      if (Array.isArray(target[name])) for (const item of target[name] as unknown[]) withDefaults(reader, item, shape.items);
      else withDefaults(reader, target[name], field);
    }
  }
}

/**
 * THE RULE for what a body may set (one rule for every operation, from the request schemas): a
 * record is built only from the properties the operation's request schema declares. A property it
 * does not declare is refused with 400 where the schema is closed (`additionalProperties: false`,
 * Ajv reports it), and ignored, never stored, where the vendor's schema leaves the object open (the
 * API accepts such bodies). So what the API sets itself (ids, counters, `deleted` on create,
 * `status`, `scope`, `apiVersion`, timestamps, linked ids) can never come from a body: no request
 * schema declares them. This returns the declared part of `value`, as fresh objects.
 */
export function declaredOnly(reader: SchemaReader, value: unknown, schema: Schema | undefined): unknown {
  if (value === null || typeof value !== 'object') return value;
  const shape = reader.shape(schema);
  if (Array.isArray(value)) return value.map((item) => declaredOnly(reader, item, shape.items));
  const out: Record<string, unknown> = {};
  // A map (`customHeaders`) or an object the schema leaves undescribed keeps its keys (checkParsed
  // has refused the names that could reach a prototype).
  const open = shape.isMap || shape.properties.size === 0;
  for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
    if (open) out[name] = structuredClone(field);
    else if (shape.properties.has(name)) out[name] = declaredOnly(reader, field, shape.properties.get(name));
  }
  return out;
}

/**
 * The parsed, checked body of the request (create bodies get their documented defaults filled in).
 * Size, content type and nesting are checked before parsing, so a hostile body costs little.
 */
export async function readBody(reader: SchemaReader, validators: Validators, route: Route, request: Request, create: boolean): Promise<Body> {
  const declared = reader.resolve(route.operation.requestBody);
  if (!declared?.content) return { value: undefined };
  const [mediaType, media] = Object.entries<Schema>(declared.content)[0]!;
  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();

  // Media types are case-insensitive (RFC 9110): `Multipart/Form-Data` is a multipart body too.
  if (mediaType === 'multipart/form-data') {
    if (!contentType.startsWith('multipart/form-data')) {
      throw new ApiError(415, 'Unsupported content type: send this body as multipart/form-data', [
        { param: 'content-type', message: 'must be multipart/form-data', value: contentType || null },
      ]);
    }
    const bytes = await readLimited(request, LIMITS.uploadRequestBytes, 'File too large (max 10MB)');
    const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData().catch(() => {
      throw badRequest([{ param: 'body', message: 'is not a readable multipart/form-data body' }]);
    });
    // Files are checked as strings (their names): the schema says `format: binary`.
    const fields: Record<string, string> = {};
    form.forEach((value, key) => {
      if (!Object.hasOwn(fields, key)) fields[key] = typeof value === 'string' ? value : value.name;
    });
    const errors = validators.body(route, mediaType, media.schema ?? {})(fields);
    if (errors) throw badRequest(errors);
    return { value: declaredOnly(reader, fields, media.schema), form, schema: media.schema };
  }

  const bytes = await readLimited(request, LIMITS.jsonBytes, `Request body too large (max ${LIMITS.jsonBytes / 1024 / 1024} MB)`);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') {
    if (declared.required) throw badRequest([{ param: 'body', message: 'is required' }]);
    return { value: undefined, schema: media.schema };
  }
  if (!isJsonType(contentType)) {
    throw new ApiError(415, 'Unsupported content type: send this body as application/json', [
      { param: 'content-type', message: 'must be application/json', value: contentType || null },
    ]);
  }
  checkNesting(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest([{ param: 'body', message: 'is not valid JSON' }], 'Malformed JSON body');
  }
  checkParsed(value);
  // Checked as if loopback URLs were https; stored as sent.
  const loopback = /"http:\/\/(localhost|127\.|\[::1\])/i.test(text);
  const errors = validators.body(route, mediaType, media.schema ?? {})(loopback ? asHttps(value) : value);
  if (errors) throw badRequest(errors);
  value = declaredOnly(reader, value, media.schema);
  if (create) withDefaults(reader, value, media.schema);
  return { value, schema: media.schema };
}
