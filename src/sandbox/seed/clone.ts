// A new record made from an example one: every id the example defines (its own, its prices', its
// ticket groups'...) becomes a new one, every timestamp moves by the same amount (so a payment is
// still refunded two days after it was made), and secret-looking tokens (Stripe ids, check-in
// codes) are drawn again in the same alphabet and length, so they keep their documented format.
import type { Resource } from '../store.js';
import type { Random } from './random.js';

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const OBJECT_ID = /^[0-9a-f]{24}$/;
/** Fields holding tokens minted by the API or Stripe, unique to each record. */
const TOKEN = /^(stripe\w*Id|checkInCode|ticketShortId|invoiceUuid|sessionId|visitId|licenseKeyId)$/;

/**
 * Replaces, in place deep inside `value` (a record the seed made, never an example), every string
 * equal to a key of `map`, and inside longer strings (a page's `url` holds its slug) the keys
 * that are not ObjectIds.
 */
export function replaceDeep<T>(value: T, map: ReadonlyMap<string, string>): T {
  const inside = [...map].filter(([from]) => from.length >= 8 && !OBJECT_ID.test(from));
  return walk(value, (text) => swap(text, map, inside)) as T;
}

function swap(text: string, map: ReadonlyMap<string, string>, inside: Array<[string, string]>): string {
  const exact = map.get(text);
  if (exact !== undefined) return exact;
  if (text.length > 24) for (const [from, to] of inside) if (text.includes(from)) text = text.split(from).join(to);
  return text;
}

/** Applies `change` to every string inside `value`, in place. */
function walk(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = walk(value[i], change);
  } else if (value && typeof value === 'object') {
    const record = value as Resource;
    for (const key in record) record[key] = walk(record[key], change);
  }
  return value;
}

/** Every value of an `id` field inside `value`, the record's own first. */
function definedIds(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) definedIds(item, into);
  else if (value && typeof value === 'object') {
    const id = (value as Resource).id;
    if (typeof id === 'string' && OBJECT_ID.test(id)) into.push(id);
    for (const field of Object.values(value)) if (field && typeof field === 'object') definedIds(field, into);
  }
  return into;
}

function tokens(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) tokens(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === 'string' && field && TOKEN.test(key)) into.push(field);
      else if (field && typeof field === 'object') tokens(field, into);
    }
  }
  return into;
}

/** The same token shape: prefix up to the last `_` kept, the rest redrawn from the characters it uses. */
function redraw(token: string, random: Random): string {
  const cut = token.lastIndexOf('_') + 1;
  const rest = token.slice(cut);
  const alphabet = [/[0-9]/.test(rest) && '0123456789', /[a-f]/.test(rest) && 'abcdef', /[g-z]/.test(rest) && 'ghijklmnopqrstuvwxyz', /[A-Z]/.test(rest) && 'ABCDEFGHIJKLMNOPQRSTUVWXYZ']
    .filter(Boolean)
    .join('');
  return token.slice(0, cut) + rest.replace(/[0-9a-zA-Z]/g, () => alphabet[random.int(0, alphabet.length - 1)]!);
}

/** What copying a template needs, worked out once per template: its JSON, time, ids and tokens. */
interface Prepared {
  text: string;
  createdMs?: number;
  ids: string[];
  tokens: string[];
}
const prepared = new WeakMap<Resource, Prepared>();

function prepare(template: Resource): Prepared {
  let found = prepared.get(template);
  if (!found) {
    const createdMs = typeof template.createdAt === 'string' ? Date.parse(template.createdAt) : undefined;
    found = { text: JSON.stringify(template), createdMs, ids: [...new Set(definedIds(template))], tokens: [...new Set(tokens(template))] };
    prepared.set(template, found);
  }
  return found;
}

/** A copy of `template` created at `createdMs`, with new ids (its own `id` if given) and tokens. */
export function cloneRecord(template: Resource, createdMs: number, random: Random, id?: string): Resource {
  const { text, createdMs: templateMs, ids, tokens: secrets } = prepare(template);
  const map = new Map<string, string>(id ? [[template.id, id]] : []);
  for (const old of ids) if (!map.has(old)) map.set(old, random.objectId(createdMs));
  for (const token of secrets) if (!map.has(token)) map.set(token, redraw(token, random));
  const delta = createdMs - (templateMs ?? createdMs);
  const inside = [...map].filter(([from]) => from.length >= 8 && !OBJECT_ID.test(from));
  const shift = (value: string) => (value.length >= 20 && value[10] === 'T' && DATE_TIME.test(value) ? new Date(Date.parse(value) + delta).toISOString() : value);
  return walk(JSON.parse(text), (value) => shift(swap(value, map, inside))) as Resource;
}
