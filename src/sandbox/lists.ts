// Lists as the API documents them: every filter narrows (enums, ids and strings exactly, `search`
// case-insensitively over the fields its description names, `createdAfter`/`createdBefore` on
// `createdAt`, bounds included), newest first, with exclusive `starting_after`/`ending_before`
// cursors and a `has_more` and `total` that are true to the data. Unpaginated lists keep creation
// order, unless their description says they are newest first (tax rates).
import { ApiError } from './errors.js';
import type { Parameter, Route } from './model.js';
import { backticked, camel, dateBound } from './names.js';
import type { SchemaReader, Shape } from './spec.js';
import type { Entry, Resource, Store } from './store.js';

const PAGING = new Set(['limit', 'starting_after', 'ending_before']);
const OBJECT_ID = /\[0-9a-fA-F\]\{24\}/;

type Getter = (record: Resource) => unknown;

/**
 * Filters whose value is not a field of the listed records, so the field rules below cannot find
 * them. Keyed by parameter name; each says how the API derives the value it filters on.
 */
const DERIVED_FILTERS: Record<string, Getter> = {
  // Tickets: a ticket never checked in has no `latestCheckIn` and counts as `UNCHECKEDIN`.
  checkInStatus: (ticket) => (ticket.latestCheckIn as Resource | undefined)?.status ?? 'UNCHECKEDIN',
};

const path = (fields: string[]): Getter => (record) => fields.reduce<any>((v, key) => v?.[key], record);

export class Lists {
  private readonly getters = new Map<string, Getter | undefined>();
  private readonly searches = new Map<string, Getter[]>();

  constructor(private readonly reader: SchemaReader) {}

  /** How a filter parameter reads its field, or undefined when the sandbox cannot tell. */
  filterField(parameter: Parameter, item: Shape): Getter | undefined {
    const { name } = parameter;
    if (DERIVED_FILTERS[name]) return DERIVED_FILTERS[name];
    if (item.properties.has(name)) return path([name]);
    // `event` filters the `events` list of a webhook endpoint.
    if (item.properties.has(`${name}s`) && this.reader.shape(item.properties.get(`${name}s`)).types.has('array')) return path([`${name}s`]);
    // `couponCode` is `coupon.code`.
    const words = name.split(/(?=[A-Z])/);
    for (let i = 1; i < words.length; i++) {
      const head = words.slice(0, i).join('');
      const tail = camel(words.slice(i).join('-').toLowerCase());
      if (this.reader.shape(item.properties.get(head)).properties.has(tail)) return path([head, tail]);
    }
    // A field the parameter's description names in backticks, such as `latestCheckIn.status`.
    for (const word of backticked(parameter.description)) {
      const parts = word.split('.');
      if (this.resolves(item, parts)) return path(parts);
    }
    return undefined;
  }

  /** The fields `search` matches: those its description names in backticks, else every plain text field. */
  searchFields(route: Route, item: Shape): Getter[] {
    const key = `${route.method} ${route.path}`;
    let getters = this.searches.get(key);
    if (getters) return getters;
    const parameter = route.parameters.find((p) => p.name === 'search');
    const named = backticked(parameter?.description)
      .map((word) => word.split('.'))
      .filter((parts) => this.resolves(item, parts));
    const fallback = [...item.properties]
      .filter(([name, schema]) => {
        const s = this.reader.shape(schema);
        return s.types.has('string') && !s.format && !OBJECT_ID.test(s.pattern ?? '') && name !== 'id' && !name.endsWith('Id');
      })
      .map(([name]) => [name]);
    getters = (named.length ? named : fallback).map(path);
    this.searches.set(key, getters);
    return getters;
  }

  private resolves(item: Shape, parts: string[]): boolean {
    let shape = item;
    for (const part of parts) {
      const next = shape.properties.get(part);
      if (!next) return false;
      shape = this.reader.shape(next);
    }
    return true;
  }

  /**
   * One answer of a list route: `{data}` or `{data, has_more, total}`. Reads the store's index of
   * the scope, newest first, so an unfiltered page costs the same whatever the list's length; a
   * filter visits every record once (its `total` must count them all).
   */
  answer(route: Route, store: Store, key: string, scope: string, query: Record<string, unknown>, item: Shape, paginated: boolean): { data: Resource[]; has_more?: boolean; total?: number } {
    const tests = this.tests(route, query, item);
    const matches = (entry: Entry) => tests.every((test) => test(entry.record));

    // Unpaginated lists keep creation order (fields, ticket types) unless the operation says otherwise.
    const newest = paginated || /\bnewest first\b/i.test(route.operation.description ?? '');
    if (!paginated) {
      const entries = newest ? [...store.byCreation(key, scope)].reverse() : store.list(key, scope);
      return { data: entries.filter(matches).map((e) => e.record) };
    }

    const sorted = store.byCreation(key, scope); // oldest first: newest first is read from the end
    const limit = Number(query.limit ?? 20);
    const after = query.starting_after as string | undefined;
    const before = query.ending_before as string | undefined;
    if (after !== undefined && before !== undefined) {
      throw new ApiError(400, 'Invalid request parameters', [
        { param: 'ending_before', message: 'cannot be combined with `starting_after`', value: before },
      ]);
    }
    const cursor = after ?? before;
    // `from` and `to` bound, in the oldest-first array, the part of the newest-first list to read.
    let from = 0;
    let to = sorted.length; // exclusive
    if (cursor !== undefined) {
      // Cursors are positions in the whole list, so a cursor need not match the filters itself.
      const entry = store.get(key, cursor, scope);
      const at = entry ? store.positionOf(key, entry) : -1;
      if (at < 0) {
        throw new ApiError(400, 'Invalid request parameters', [
          { param: after !== undefined ? 'starting_after' : 'ending_before', message: 'is not the id of an item of this list', value: cursor },
        ]);
      }
      // starting_after: older than the cursor; ending_before: newer than it.
      if (after !== undefined) to = at;
      else from = at + 1;
    }

    if (tests.length === 0) {
      const total = sorted.length;
      const count = to - from;
      // ending_before gives the page just before the cursor: the oldest `limit` of the newer ones.
      const page = before !== undefined ? sorted.slice(from, Math.min(to, from + limit)) : sorted.slice(Math.max(from, to - limit), to);
      return { data: page.reverse().map((e) => e.record), has_more: count > limit, total };
    }

    // One pass over every record (the total counts them all). ending_before fills the page from
    // the oldest side of the range (the page just before the cursor), the others from the newest.
    let total = 0;
    let inRange = 0;
    const page: Entry[] = [];
    const oldestFirst = before !== undefined;
    for (let n = 0; n < sorted.length; n++) {
      const i = oldestFirst ? n : sorted.length - 1 - n;
      const entry = sorted[i]!;
      if (!matches(entry)) continue;
      total++;
      if (i < from || i >= to) continue;
      inRange++;
      if (page.length < limit) page.push(entry);
    }
    if (oldestFirst) page.reverse();
    return { data: page.map((e) => e.record), has_more: inRange > limit, total };
  }

  /** The filters of a request, each a test of a record. */
  private tests(route: Route, query: Record<string, unknown>, item: Shape): Array<(record: Resource) => boolean> {
    const tests: Array<(record: Resource) => boolean> = [];
    for (const parameter of route.parameters) {
      const wanted = query[parameter.name];
      if (parameter.in !== 'query' || wanted === undefined || PAGING.has(parameter.name)) continue;
      if (parameter.name === 'search') {
        const needle = String(wanted).toLowerCase();
        const fields = this.searchFields(route, item);
        tests.push((record) => fields.some((get) => {
          const value = get(record);
          return (typeof value === 'string' || typeof value === 'number') && String(value).toLowerCase().includes(needle);
        }));
        continue;
      }
      const bound = dateBound(parameter.name);
      if (bound && item.properties.has(bound.field)) {
        const limit = Date.parse(String(wanted));
        tests.push((record) => {
          const at = Date.parse(String(record[bound.field]));
          return bound.bound === 'after' ? at >= limit : at <= limit;
        });
        continue;
      }
      const get = this.cachedField(route, parameter, item);
      if (!get) continue;
      tests.push((record) => {
        const value = get(record);
        return Array.isArray(value) ? value.some((v) => String(v) === String(wanted)) : value !== undefined && value !== null && String(value) === String(wanted);
      });
    }
    return tests;
  }

  private cachedField(route: Route, parameter: Parameter, item: Shape): Getter | undefined {
    const key = `${route.method} ${route.path} ${parameter.name}`;
    if (!this.getters.has(key)) this.getters.set(key, this.filterField(parameter, item));
    return this.getters.get(key);
  }
}
