// The sandbox's state: the records of every collection, each under its parent records' ids (its
// scope), kept in creation order. A request changes it only through a Change that it commits at
// the end, so a request that fails part-way leaves the state as it was.
//
// A request's cost must not grow with the data, so nothing here copies or scans a whole collection
// per request: records are indexed by id, by scope, newest first (kept sorted as records come and
// go, built on first use), and by the value of a field that is looked up (`code`, kept in step).

export type Resource = Record<string, any>;

export interface Entry {
  id: string;
  /** The ids of the parent records, joined by `/` (`''` for a top-level collection). */
  scope: string;
  record: Resource;
  /** Creation order: breaks ties between equal `createdAt`s and orders unpaginated lists. */
  seq: number;
  /** Seeded from the spec's examples rather than created through the API. */
  seeded: boolean;
}

/** Everything a store holds, as plain data (for state files). */
export interface StoreSnapshot {
  collections: Record<string, Array<Omit<Entry, 'seq'>>>;
  singletons: Record<string, Resource>;
}

interface Scope {
  /** The scope's entries in creation order (Map keeps insertion order; an update keeps its place). */
  entries: Map<string, Entry>;
  /** The same entries sorted oldest first by `createdAt`, then creation order; built on first use. */
  sorted?: Entry[];
}

interface Collection {
  byId: Map<string, Entry>;
  scopes: Map<string, Scope>;
  /** field -> value -> ids of the entries holding it; built on first lookup of that field. */
  byValue: Map<string, Map<unknown, Set<string>>>;
}

const time = (entry: Entry) => Date.parse(String(entry.record.createdAt ?? '')) || 0;
/** Oldest first: `createdAt`, then creation order. */
const compare = (a: Entry, b: Entry) => time(a) - time(b) || a.seq - b.seq;

export class Store {
  private collections = new Map<string, Collection>();
  private seq = 0;
  /** Singletons such as the account, by path. */
  singletons = new Map<string, Resource>();
  /** Called after every committed change and reset (a state file saves then). */
  onChange?: () => void;
  private saved?: { collections: Map<string, Map<string, Entry>>; singletons: Map<string, Resource>; seq: number };

  private of(key: string): Collection {
    let collection = this.collections.get(key);
    if (!collection) this.collections.set(key, (collection = { byId: new Map(), scopes: new Map(), byValue: new Map() }));
    return collection;
  }

  private scopeOf(collection: Collection, scope: string): Scope {
    let found = collection.scopes.get(scope);
    if (!found) collection.scopes.set(scope, (found = { entries: new Map() }));
    return found;
  }

  get(key: string, id: string, scope?: string): Entry | undefined {
    const entry = this.collections.get(key)?.byId.get(id);
    return entry && (scope === undefined || entry.scope === scope) ? entry : undefined;
  }

  /** The records of one scope (every scope when `scope` is undefined), oldest first (a copy). */
  list(key: string, scope?: string): Entry[] {
    const collection = this.collections.get(key);
    if (!collection) return [];
    if (scope !== undefined) return [...(collection.scopes.get(scope)?.entries.values() ?? [])];
    return [...collection.byId.values()];
  }

  /** How many records one scope (or, without `scope`, the whole collection) holds. */
  count(key: string, scope?: string): number {
    const collection = this.collections.get(key);
    if (!collection) return 0;
    return scope === undefined ? collection.byId.size : (collection.scopes.get(scope)?.entries.size ?? 0);
  }

  /**
   * The records of one scope sorted oldest first by `createdAt` (then creation order), without a
   * copy: read it, never change it. Lists walk it from the end for newest first.
   */
  byCreation(key: string, scope: string): readonly Entry[] {
    const collection = this.collections.get(key);
    const found = collection?.scopes.get(scope);
    if (!found) return [];
    return (found.sorted ??= [...found.entries.values()].sort(compare));
  }

  /** Where `entry` sits in byCreation() of its scope, or -1. */
  positionOf(key: string, entry: Entry): number {
    const sorted = this.byCreation(key, entry.scope);
    const at = lowerBound(sorted, entry);
    return sorted[at]?.id === entry.id ? at : -1;
  }

  find(key: string, predicate: (record: Resource) => boolean): Entry | undefined {
    for (const entry of this.collections.get(key)?.byId.values() ?? []) if (predicate(entry.record)) return entry;
    return undefined;
  }

  /** The entries whose `field` is exactly `value` (an index kept in step with every change). */
  findBy(key: string, field: string, value: unknown): Entry[] {
    const collection = this.collections.get(key);
    if (!collection) return [];
    let index = collection.byValue.get(field);
    if (!index) {
      index = new Map();
      for (const entry of collection.byId.values()) addTo(index, entry.record[field], entry.id);
      collection.byValue.set(field, index);
    }
    return [...(index.get(value) ?? [])].map((id) => collection.byId.get(id)!);
  }

  begin(): Change {
    return new Change(this);
  }

  /** Applies a change's writes; only Change calls this. */
  apply(writes: Array<{ key: string; entry: Entry | { id: string; remove: true } }>): void {
    for (const { key, entry } of writes) {
      const collection = this.of(key);
      const previous = collection.byId.get(entry.id);
      if (previous) this.unindex(collection, previous, 'remove' in entry || previous.scope !== entry.scope || time(previous) !== time(entry as Entry));
      if ('remove' in entry) {
        collection.byId.delete(entry.id);
        continue;
      }
      const stored: Entry = { ...entry, seq: previous?.seq ?? ++this.seq };
      collection.byId.set(stored.id, stored);
      this.index(collection, stored, previous);
    }
    this.onChange?.();
  }

  private unindex(collection: Collection, entry: Entry, leaves: boolean): void {
    for (const [field, index] of collection.byValue) index.get(entry.record[field])?.delete(entry.id);
    if (!leaves) return;
    const scope = collection.scopes.get(entry.scope)!;
    scope.entries.delete(entry.id);
    if (scope.sorted) {
      const at = lowerBound(scope.sorted, entry);
      if (scope.sorted[at]?.id === entry.id) scope.sorted.splice(at, 1);
    }
  }

  private index(collection: Collection, entry: Entry, previous: Entry | undefined): void {
    for (const [field, index] of collection.byValue) addTo(index, entry.record[field], entry.id);
    const scope = this.scopeOf(collection, entry.scope);
    const stays = previous && scope.entries.has(entry.id);
    scope.entries.set(entry.id, entry);
    if (!scope.sorted) return;
    if (stays) {
      // Same scope and createdAt: the same place in the order.
      scope.sorted[lowerBound(scope.sorted, entry)] = entry;
    } else {
      const last = scope.sorted.at(-1);
      // New records are the newest: appended without a search.
      if (!last || compare(last, entry) <= 0) scope.sorted.push(entry);
      else scope.sorted.splice(lowerBound(scope.sorted, entry), 0, entry);
    }
  }

  /** The whole state as plain data, each collection in creation order. */
  snapshot(): StoreSnapshot {
    const collections: StoreSnapshot['collections'] = {};
    for (const [key, collection] of this.collections) {
      const entries = [...collection.byId.values()].sort((a, b) => a.seq - b.seq);
      if (entries.length) collections[key] = entries.map(({ id, scope, record, seeded }) => ({ id, scope, record: structuredClone(record), seeded }));
    }
    return { collections, singletons: Object.fromEntries(structuredClone(this.singletons)) };
  }

  /** Replaces the state with a snapshot's (reset() still returns to the seeded state). */
  restore(snapshot: StoreSnapshot): void {
    this.collections = new Map();
    this.seq = 0;
    for (const [key, entries] of Object.entries(snapshot.collections)) {
      const collection = this.of(key);
      for (const e of entries) {
        const entry: Entry = { ...e, record: structuredClone(e.record), seq: ++this.seq };
        collection.byId.set(entry.id, entry);
        this.scopeOf(collection, entry.scope).entries.set(entry.id, entry);
      }
    }
    this.singletons = new Map(Object.entries(structuredClone(snapshot.singletons)));
  }

  /** Remembers the current state as the one reset() returns to. */
  save(): void {
    this.saved = { collections: this.copyCollections(), singletons: structuredClone(this.singletons), seq: this.seq };
  }

  reset(): void {
    if (!this.saved) return;
    this.collections = new Map();
    for (const [key, entries] of this.saved.collections) {
      const collection = this.of(key);
      for (const entry of [...entries.values()].sort((a, b) => a.seq - b.seq)) {
        const copy = { ...entry, record: structuredClone(entry.record) };
        collection.byId.set(copy.id, copy);
        this.scopeOf(collection, copy.scope).entries.set(copy.id, copy);
      }
    }
    this.singletons = structuredClone(this.saved.singletons);
    this.seq = this.saved.seq;
    this.onChange?.();
  }

  private copyCollections(): Map<string, Map<string, Entry>> {
    return new Map([...this.collections].map(([key, c]) => [key, new Map([...c.byId].map(([id, e]) => [id, { ...e, record: structuredClone(e.record) }]))]));
  }
}

function addTo(index: Map<unknown, Set<string>>, value: unknown, id: string): void {
  let ids = index.get(value);
  if (!ids) index.set(value, (ids = new Set()));
  ids.add(id);
}

/** The first position in `sorted` whose entry is not before `entry` (binary search). */
function lowerBound(sorted: readonly Entry[], entry: Entry): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(sorted[mid]!, entry) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The writes of one request, applied together by commit(). */
export class Change {
  private readonly writes: Array<{ key: string; entry: Entry | { id: string; remove: true } }> = [];

  constructor(private readonly store: Store) {}

  put(key: string, scope: string, record: Resource, seeded = false): Entry {
    const entry: Entry = { id: String(record.id), scope, record, seq: 0, seeded };
    this.writes.push({ key, entry });
    return entry;
  }

  remove(key: string, id: string): void {
    this.writes.push({ key, entry: { id, remove: true } });
  }

  commit(): void {
    this.store.apply(this.writes);
    this.writes.length = 0;
  }
}
