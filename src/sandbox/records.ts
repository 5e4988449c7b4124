// Records made and changed from request bodies, following the schemas: a new record takes the
// body's fields, a new id, timestamps, the documented defaults and a plausible value for every
// other required field; an update merges (a nested object field by field, a map or a list whole,
// a `{key, value}` list key by key) and `null` clears; an answer shows what its schema declares.
import { randomBytes } from 'node:crypto';
import { newObjectId, randomToken } from './ids.js';
import type { SchemaReader, Schema, Shape } from './spec.js';
import type { Resource } from './store.js';

export interface WriteContext {
  nowMs: number;
  /** The store's (seller's) id: the account's id. */
  sellerId?: string;
  /** Whether the API key is a live one (`sk_live_...`). */
  livemode: boolean;
  /** The request's path parameters: a record declaring `pageId` under `/v1/events/{pageId}/...` gets it. */
  params: Record<string, string>;
  /**
   * The documented example of the record being created: where the schema has no default, an enum
   * field takes the value the example shows (a new theme's `scope` is `seller`, not the first enum value).
   */
  example?: Resource;
  /**
   * The properties the create answer's named examples show: a new record gets each of them (what
   * the API sets itself: linked Stripe ids, counters, defaults), null where the schema allows it.
   */
  shows?: ReadonlySet<string>;
}

const STRIPE_ID = /^stripe\w*Id$/;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id in the form the example shows (`txr_` and 24 letters and digits), else 14 letters and digits. */
function stripeLike(example: unknown): string {
  const shown = typeof example === 'string' ? example : '';
  const prefix = /^[a-z]+_/.exec(shown)?.[0] ?? '';
  const length = shown ? Math.max(8, shown.length - prefix.length) : 14;
  return prefix + Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

const OBJECT_ID = /^\^?\[0-9a-fA-F\]\{24\}\$?$/;
const isObject = (v: unknown): v is Resource => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

export class Records {
  constructor(private readonly reader: SchemaReader) {}

  private shape(schema: unknown): Shape {
    return this.reader.shape(schema);
  }

  /** A value for a required field the caller did not send. */
  fill(schema: Schema | undefined, name: string, ctx: WriteContext): unknown {
    const s = this.shape(schema);
    const iso = new Date(ctx.nowMs).toISOString();
    if (s.const !== undefined) return clone(s.const);
    if (s.default !== undefined) return clone(s.default);
    const shown = ctx.example?.[name];
    if (shown !== undefined && s.enum?.includes(shown)) return shown;
    if (name === 'sellerId' && ctx.sellerId) return ctx.sellerId;
    if (ctx.params[name] !== undefined) return ctx.params[name];
    if (name === 'livemode') return ctx.livemode;
    // The API creates the Stripe object (a coupon, a tax rate) and links its id: never null.
    if (STRIPE_ID.test(name) && s.types.has('string')) return stripeLike(ctx.example?.[name]);
    if (s.nullable) return null;
    const firstEnum = s.enum?.find((v) => v !== null);
    if (firstEnum !== undefined) return firstEnum;
    const type = [...s.types].find((t) => t !== 'null') ?? (s.properties.size ? 'object' : s.items ? 'array' : undefined);
    switch (type) {
      case 'boolean':
        return false;
      case 'integer':
      case 'number':
        return Math.max(0, s.minimum ?? 0);
      case 'array':
        return [];
      case 'object':
        return this.complete({}, schema, ctx);
      case 'string':
        if (s.format === 'date-time') return iso;
        if (s.format === 'date') return iso.slice(0, 10);
        if (s.format === 'email') return 'sandbox@example.com';
        if (s.format === 'uri' || s.format === 'url') return `https://sandbox.checkoutpage.example/${name}`;
        if (s.pattern && OBJECT_ID.test(s.pattern)) return newObjectId(ctx.nowMs);
        return (s.minLength ?? 0) > 0 || name === 'secret' ? randomToken() : '';
      default:
        return null;
    }
  }

  /** Fills every required field of `schema` that `record` lacks (in place) and returns it. */
  complete(record: Resource, schema: Schema | undefined, ctx: WriteContext): Resource {
    const s = this.shape(schema);
    for (const name of s.required) if (record[name] === undefined) record[name] = this.fill(s.properties.get(name), name, ctx);
    return record;
  }

  /**
   * A new record from a create body. Body fields whose JSON type does not fit the record's field of
   * the same name (an input shaped differently from the answer) are left out rather than stored wrong.
   */
  build(body: Resource, schema: Schema | undefined, ctx: WriteContext, skip: ReadonlySet<string>, requestSchema?: Schema): Resource {
    const s = this.shape(schema);
    const request = this.shape(requestSchema);
    const record: Resource = {};
    for (const [name, value] of Object.entries(body)) {
      if (skip.has(name)) continue;
      const declared = s.properties.get(name);
      if (declared && !this.fits(value, declared)) continue;
      record[name] = this.settle(this.stored(value, declared, request.properties.get(name)), declared, undefined, ctx);
    }
    record.id = newObjectId(ctx.nowMs);
    const iso = new Date(ctx.nowMs).toISOString();
    for (const name of ['createdAt', 'updatedAt']) if (s.properties.has(name)) record[name] = iso;
    for (const [name, value] of Object.entries(ctx.params)) if (s.properties.has(name)) record[name] = value;
    if (s.properties.has('sellerId') && ctx.sellerId) record.sellerId = ctx.sellerId;
    if (s.properties.has('livemode') && record.livemode === undefined) record.livemode = ctx.livemode;
    this.complete(record, schema, ctx);
    for (const name of ctx.shows ?? []) {
      if (record[name] !== undefined || !s.properties.has(name)) continue;
      const field = s.properties.get(name);
      // A field the caller could have sent and left out stays unset (a coupon without
      // `maxRedemptions` has no limit), unless leaving it out has a value: null, false or none.
      if (request.properties.has(name) && !this.hasEmptyValue(field)) continue;
      record[name] = this.fill(field, name, ctx);
    }
    return record;
  }

  /** Whether a field left out reads as a value: null where allowed, `false`, an empty list. */
  private hasEmptyValue(schema: Schema | undefined): boolean {
    const s = this.shape(schema);
    return s.nullable || s.default !== undefined || s.types.has('boolean') || s.types.has('array');
  }

  /** Whether a value's JSON type is one the schema allows (a shallow check: nested fields are not compared). */
  fits(value: unknown, schema: Schema): boolean {
    const s = this.shape(schema);
    if (value === null) return s.nullable || s.types.size === 0;
    if (s.types.size === 0) return true;
    const type = Array.isArray(value) ? 'array' : typeof value;
    if (type === 'number') return s.types.has('number') || (s.types.has('integer') && Number.isInteger(value));
    return s.types.has(type);
  }

  /** An updated copy of `record`: `patch` merged in as described at the top of this file. */
  merge(record: Resource, patch: Resource, requestSchema: Schema | undefined, recordSchema: Schema | undefined, ctx: WriteContext): Resource {
    const request = this.shape(requestSchema);
    const stored = this.shape(recordSchema);
    const out: Resource = { ...record };
    for (const [name, value] of Object.entries(patch)) {
      const requestField = request.properties.get(name);
      const recordField = stored.properties.get(name);
      if (value === null) {
        // `null` clears: the field stays as null where the answer allows it, else it goes away;
        // a field every answer has and that cannot be null cannot be cleared, so it stays.
        if (recordField && this.shape(recordField).nullable) out[name] = null;
        else if (!stored.required.has(name)) delete out[name];
      } else if (this.isKeyValueList(requestField)) {
        out[name] = this.mergeKeyed(out[name], value as Array<{ key: string; value: unknown }>, recordField, ctx);
      } else if (isObject(value) && isObject(out[name]) && this.shape(requestField).properties.size > 0) {
        out[name] = this.merge(out[name], value, requestField, recordField, ctx);
      } else {
        out[name] = this.settle(this.stored(value, requestField, recordField), recordField, record[name], ctx);
      }
    }
    return out;
  }

  /**
   * A nested value as its answer schema wants it: every object gets the required fields it lacks
   * (so an item of a list whose items have ids, such as a field's `options`, gets a new id), and
   * a list item sent with the id of an item in `previous` updates that item.
   */
  settle(value: unknown, schema: Schema | undefined, previous: unknown, ctx: WriteContext): unknown {
    if (schema === undefined || value === null || typeof value !== 'object') return value;
    const s = this.shape(schema);
    if (Array.isArray(value)) {
      if (!s.items) return value;
      const before = Array.isArray(previous) ? previous.filter(isObject) : [];
      return value.map((item) => {
        if (!isObject(item)) return item;
        const { id, ...rest } = item;
        const known = typeof id === 'string' ? before.find((b) => b.id === id) : undefined;
        // An item without an id (or with `id: null`) is a new one: complete() gives it one.
        return this.settle(known ? { ...known, ...rest } : typeof id === 'string' ? item : rest, s.items, undefined, ctx);
      });
    }
    if (s.isMap || s.properties.size === 0) return value;
    const out: Resource = { ...(value as Resource) };
    for (const [name, field] of s.properties) {
      if (out[name] !== undefined) out[name] = this.settle(out[name], field, isObject(previous) ? previous[name] : undefined, ctx);
    }
    return this.complete(out, schema, ctx);
  }

  /** A value as the API stores it: text documented as "lowercased" or "trimmed" is. */
  stored(value: unknown, ...schemas: Array<Schema | undefined>): unknown {
    if (typeof value !== 'string') return clone(value);
    const said = schemas.map((s) => this.shape(s).description ?? '').join(' ');
    let text = value;
    if (/\btrimmed\b/i.test(said)) text = text.trim();
    if (/\blowercased\b/i.test(said)) text = text.toLowerCase();
    return text;
  }

  /** A list of `{key, value}` whose value may be null: applied key by key, null deleting the key. */
  isKeyValueList(schema: Schema | undefined): boolean {
    const item = this.shape(this.shape(schema).items);
    return item.required.has('key') && item.required.has('value') && this.shape(item.properties.get('value')).nullable;
  }

  mergeKeyed(current: unknown, changes: Array<{ key: string; value: unknown }>, recordSchema: Schema | undefined, ctx: WriteContext): Resource[] {
    const list: Resource[] = Array.isArray(current) ? current.map((e) => ({ ...e })) : [];
    const stamp = this.shape(this.shape(recordSchema).items).properties.has('addedAt');
    for (const { key, value } of changes) {
      const at = list.findIndex((e) => e.key === key);
      if (value === null) {
        if (at >= 0) list.splice(at, 1);
        continue;
      }
      const entry: Resource = { ...(at >= 0 ? list[at] : {}), key, value };
      if (stamp) entry.addedAt = new Date(ctx.nowMs).toISOString();
      if (at >= 0) list[at] = entry;
      else list.push(entry);
    }
    return list;
  }

  /** The part of `value` that `schema` declares (recursively); objects the schema leaves open are kept whole. */
  project(value: unknown, schema: Schema | undefined): unknown {
    if (value === null || typeof value !== 'object') return value;
    const s = this.shape(schema);
    if (Array.isArray(value)) return s.items ? value.map((v) => this.project(v, s.items)) : value;
    if (s.isMap || s.properties.size === 0) return value;
    const out: Resource = {};
    for (const [name, field] of s.properties) if ((value as Resource)[name] !== undefined) out[name] = this.project((value as Resource)[name], field);
    return out;
  }
}
