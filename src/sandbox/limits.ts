// The sandbox's limits on what a request may be, each answered with the API's error body (never a
// stack or internal text). The API documents none of these numbers apart from the 10 MB upload;
// they are what common JSON APIs use, chosen so that no legitimate request of the spec comes near
// them and no hostile one can stall the process. README's sandbox section lists them.
import { ApiError, badRequest } from './errors.js';

export const LIMITS = {
  /** A JSON body: 1 MB (413 above). */
  jsonBytes: 1024 * 1024,
  /** A whole multipart upload request: the documented 10 MB file plus room for the form's other parts (413 above). */
  uploadRequestBytes: 10 * 1024 * 1024 + 64 * 1024,
  /** Nesting of arrays and objects in a JSON body (the deepest request schema has 9 levels) (400 above). */
  depth: 32,
  /** Items of one array or properties of one object in a JSON body (400 above). */
  items: 1000,
  /** The request URL, query included (414 above). */
  urlBytes: 8 * 1024,
  /** All request headers together, names and values (431 above). */
  headerBytes: 16 * 1024,
} as const;

/** Names that would reach an object's prototype if a body's keys were ever assigned one by one. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const isJsonType = (contentType: string) => /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType);

/** 414 for a URL, 431 for headers, over the limits. */
export function checkRequestSize(request: Request): void {
  if (request.url.length > LIMITS.urlBytes) throw new ApiError(414, `Request URL too long (max ${LIMITS.urlBytes} bytes)`);
  let size = 0;
  request.headers.forEach((value, name) => (size += name.length + value.length + 4));
  if (size > LIMITS.headerBytes) throw new ApiError(431, `Request headers too large (max ${LIMITS.headerBytes} bytes)`);
}

/** The body's bytes, or 413 as soon as they pass `max` (a declared Content-Length over it is refused unread). */
export async function readLimited(request: Request, max: number, message: string): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new ApiError(413, message);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** 400 when JSON text nests deeper than the limit: checked on the text, before parsing, in one pass. */
export function checkNesting(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > LIMITS.depth) throw badRequest([{ param: 'body', message: `nests deeper than ${LIMITS.depth} levels` }]);
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
}

/**
 * 400 for what JSON allows but no field of the API takes: numbers too large to be finite (`1e400`
 * parses as Infinity), the names `__proto__`, `constructor` and `prototype`, and arrays or objects
 * with more than the limit's items. Each error names the place.
 */
export function checkParsed(value: unknown, path: string[] = []): void {
  const at = () => path.join('.') || 'body';
  if (typeof value === 'number' && !Number.isFinite(value)) throw badRequest([{ param: at(), message: 'must be a finite number' }]);
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (value.length > LIMITS.items) throw badRequest([{ param: at(), message: `must not have more than ${LIMITS.items} items` }]);
    value.forEach((item, i) => checkParsed(item, [...path, String(i)]));
    return;
  }
  const keys = Object.keys(value);
  if (keys.length > LIMITS.items) throw badRequest([{ param: at(), message: `must not have more than ${LIMITS.items} fields` }]);
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) throw badRequest([{ param: [...path, key].join('.'), message: 'is not an allowed field name' }]);
    checkParsed((value as Record<string, unknown>)[key], [...path, key]);
  }
}
