// What every generated collection needs: example records to copy, times spread over the year
// before the newest example, links to records that exist (of the same kind as the example's
// link: a subscription's page sells a subscription), the values of every enum filter of the
// collection's list at least twice, and placing a record with its nested records in the store.
import type { ApiModel, Collection } from '../model.js';
import { camel, singular } from '../names.js';
import type { Change, Resource, Store } from '../store.js';
import { cloneRecord, replaceDeep } from './clone.js';
import type { Random } from './random.js';

const DAY = 86_400_000;
/** The value most records of a real store have, per filter; other values appear at least twice. */
const USUAL: Record<string, unknown> = {
  status: ['paid', 'active', 'published', 'succeeded', 'PAID'],
  orderStatus: 'active',
  paymentStatus: 'succeeded',
  billingReason: 'subscription_cycle',
  paid: true,
  refunded: false,
  isComplimentary: false,
  role: 'product',
  scope: 'seller',
  livemode: false,
  testmode: false,
};

/** By link field, the fields that copy the linked record's fields: `customerEmail` is the customer's `email`. */
const COPIES: Record<string, Record<string, string[]>> = {
  customerId: { email: ['customerEmail', 'attendeeEmail'], name: ['customerName', 'attendeeName'] },
  pageId: { slug: ['pageSlug'], title: ['eventTitle', 'formTitle'] },
  productId: { title: ['productTitle'] },
};

export interface Filter {
  field: string;
  values: unknown[];
  usual?: unknown;
}

export class Generator {
  readonly change: Change;
  /** Top-level records by collection key, examples first. */
  private readonly records = new Map<string, Resource[]>();
  /** For a generated record, the example it copies (`family`) and the example ids it renamed. */
  private readonly origin = new Map<string, { family: string; renamed: Map<string, string> }>();
  /** Every top-level record by id, and each one's creation time. */
  private readonly byId = new Map<string, Resource>();
  private readonly createdMs = new WeakMap<Resource, number>();
  readonly sellerId?: string;
  readonly endMs: number;
  private counter = 0;

  constructor(
    readonly model: ApiModel,
    readonly store: Store,
    readonly random: Random,
    readonly size: number,
  ) {
    this.change = store.begin();
    let end = 0;
    for (const collection of model.collections.values()) {
      if (collection.parent) continue;
      const list = store.list(collection.key).map((e) => e.record);
      this.records.set(collection.key, list);
      for (const r of list) this.byId.set(r.id, r);
      for (const r of list) if (typeof r.createdAt === 'string') end = Math.max(end, Date.parse(r.createdAt));
    }
    this.endMs = end || Date.UTC(2026, 0, 1);
    for (const record of store.singletons.values()) if (typeof record.id === 'string') this.sellerId ??= record.id;
  }

  collection(segment: string): Collection | undefined {
    return this.model.collections.get(`/v1/${segment}`);
  }

  all(collection: Collection | undefined): Resource[] {
    return (collection && this.records.get(collection.key)) ?? [];
  }

  /** The examples of a collection (records not generated here). */
  examples(collection: Collection): Resource[] {
    return this.all(collection).filter((r) => !this.origin.has(r.id));
  }

  /** How many records to add so that the collection holds `size` (at most `cap`). */
  missing(collection: Collection, cap = Infinity): number {
    return Math.max(0, Math.min(this.size, cap) - this.all(collection).length);
  }

  /** A time in the year before the newest example. */
  time(): number {
    return this.endMs - this.random.int(0, 365 * 24) * 3_600_000 - this.random.int(0, 3_599_999);
  }

  next(): number {
    return ++this.counter;
  }

  familyOf(id: unknown): string | undefined {
    return typeof id === 'string' ? (this.origin.get(id)?.family ?? id) : undefined;
  }

  /**
   * The enum filters of a collection's list that name a field of its records, with what each
   * value must still get (every value twice, counting the examples).
   */
  filters(collection: Collection, skip: string[] = []): Filter[] {
    const route = this.model.routes.find((r) => r.kind === 'list' && r.collection === collection);
    const { reader } = this.model;
    const item = reader.shape(collection.itemSchema);
    const out: Filter[] = [];
    for (const parameter of route?.parameters ?? []) {
      if (parameter.in !== 'query' || skip.includes(parameter.name)) continue;
      const values = reader.shape(parameter.schema).enum;
      const field = item.properties.get(parameter.name);
      if (!values?.length || !field) continue;
      const boolean = reader.shape(field).types.has('boolean');
      const typed = values.map((v) => (boolean ? v === true || v === 'true' : v));
      const usualOf = USUAL[parameter.name];
      const usual = Array.isArray(usualOf) ? usualOf.find((v) => typed.includes(v)) : typed.includes(usualOf) ? usualOf : undefined;
      out.push({ field: parameter.name, values: typed, usual });
    }
    return out;
  }

  /**
   * For `n` new records, the value of each filter's field: the values the examples lack (to two
   * each) at shuffled places, then mostly the usual value (else the example's own, `undefined`).
   */
  plan(collection: Collection, n: number, filters: Filter[]): Array<Record<string, unknown>> {
    const rows: Array<Record<string, unknown>> = Array.from({ length: n }, () => ({}));
    for (const filter of filters) {
      const { field, values, usual } = filter;
      const needed = this.lacking(collection, filter);
      const places = this.shuffle([...rows.keys()]);
      places.forEach((place, i) => {
        if (i < needed.length) rows[place]![field] = needed[i];
        else if (usual !== undefined) rows[place]![field] = this.random.chance(0.7) ? usual : this.random.pick(values);
      });
    }
    return rows;
  }

  /** The values a filter still needs for each to appear twice in the collection. */
  lacking(collection: Collection, { field, values }: Filter): unknown[] {
    const existing = this.all(collection);
    return values.flatMap((v) => Array(Math.max(0, 2 - existing.filter((r) => r[field] === v).length)).fill(v) as unknown[]);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.random.int(0, i);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** An example whose `field` is `value` if there is one, else any example. */
  template(collection: Collection, field?: string, value?: unknown): Resource {
    const examples = this.examples(collection);
    const matching = field ? examples.filter((r) => r[field] === value) : [];
    return this.random.pick(matching.length ? matching : examples);
  }

  /** A copy of `template` created at `createdMs` (with the id `id`, else a new one), remembered as one of its family. */
  copy(template: Resource, createdMs: number, id?: string): Resource {
    const record = cloneRecord(template, createdMs, this.random, id);
    const renamed = new Map<string, string>();
    const walk = (from: unknown, to: unknown) => {
      if (Array.isArray(from) && Array.isArray(to)) from.forEach((item, i) => walk(item, to[i]));
      else if (from && typeof from === 'object' && to && typeof to === 'object') {
        const a = (from as Resource).id;
        const b = (to as Resource).id;
        if (typeof a === 'string' && typeof b === 'string' && a !== b) renamed.set(a, b);
        for (const key of Object.keys(from)) walk((from as Resource)[key], (to as Resource)[key]);
      }
    };
    walk(template, record);
    this.origin.set(record.id, { family: this.familyOf(template.id)!, renamed });
    return record;
  }

  /**
   * A record of `collection` to link to: one of the same family as `like` (the example's own
   * link) when there is one, made before `beforeMs` when there is one, and passing `where`.
   */
  pick(collection: Collection | undefined, options: { like?: unknown; beforeMs?: number; where?: (r: Resource) => boolean } = {}): Resource | undefined {
    let candidates = this.all(collection).filter(options.where ?? (() => true));
    const family = this.familyOf(options.like);
    const same = candidates.filter((r) => this.familyOf(r.id) === family);
    if (same.length) candidates = same;
    const before = candidates.filter((r) => options.beforeMs === undefined || this.created(r) <= options.beforeMs);
    if (before.length) candidates = before;
    return candidates.length ? this.random.pick(candidates) : undefined;
  }

  /**
   * Points `record[field]` at `target`: every copy of the old id becomes the new one, the fields
   * that copy the target (`customerEmail`, `pageSlug`) follow, and so do the ids of the old
   * target's parts (a price, a ticket type) when the target is a copy of the old one.
   */
  link(record: Resource, field: string, target: Resource | undefined, oldTarget?: Resource): Resource {
    const old = record[field];
    if (!target || typeof old !== 'string') return record;
    const map = new Map<string, string>([[old, target.id]]);
    const origin = this.origin.get(target.id);
    if (origin && origin.family === this.familyOf(old)) for (const [from, to] of origin.renamed) map.set(from, to);
    const before = oldTarget ?? this.findAny(old);
    for (const [theirs, mine] of Object.entries(COPIES[field] ?? {})) {
      if (typeof target[theirs] !== 'string') continue;
      if (before && typeof before[theirs] === 'string') map.set(before[theirs], target[theirs]);
      for (const name of mine) if (typeof record[name] === 'string' && !map.has(record[name])) map.set(record[name], target[theirs]);
    }
    return replaceDeep(record, map) as Resource;
  }

  private findAny(id: string): Resource | undefined {
    return this.byId.get(id);
  }

  private created(record: Resource): number {
    let ms = this.createdMs.get(record);
    if (ms === undefined) this.createdMs.set(record, (ms = Date.parse(record.createdAt)));
    return ms;
  }

  /** Stores a generated record and, under it, the nested records it embeds (a page's fields). */
  add(collection: Collection, record: Resource, scope = ''): void {
    this.change.put(collection.key, scope, record, true);
    if (!collection.parent) {
      this.records.get(collection.key)!.push(record);
      this.byId.set(record.id, record);
    }
    for (const child of collection.children) {
      const embedded = record[camel(child.segment)];
      if (!Array.isArray(embedded)) continue;
      for (const item of embedded as Resource[]) this.add(child, item, scope ? `${scope}/${record.id}` : record.id);
      // A record that lists its nested records' ids (`ticketTypeIds`) lists these.
      const ids = `${singular(camel(child.segment))}Ids`;
      if (this.model.reader.shape(collection.itemSchema).properties.has(ids)) record[ids] = (embedded as Resource[]).map((item) => item.id);
    }
  }

  /** A record's `updatedAt` some time after its creation, never after the newest example. */
  updatedAt(createdMs: number): string {
    return new Date(Math.min(this.endMs, createdMs + this.random.int(0, 20) * DAY + this.random.int(0, DAY))).toISOString();
  }
}
