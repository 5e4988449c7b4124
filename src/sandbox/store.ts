// The sandbox's state: the records of every collection, each under its parent records' ids (its
// scope), kept in creation order. A request changes it only through a Change that it commits at
// the end, so a request that fails part-way leaves the state as it was.

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

export class Store {
  private collections = new Map<string, Map<string, Entry>>();
  private seq = 0;
  /** Singletons such as the account, by path. */
  singletons = new Map<string, Resource>();
  /** Called after every committed change and reset (a state file saves then). */
  onChange?: () => void;
  private saved?: { collections: Map<string, Map<string, Entry>>; singletons: Map<string, Resource>; seq: number };

  private of(key: string): Map<string, Entry> {
    let entries = this.collections.get(key);
    if (!entries) this.collections.set(key, (entries = new Map()));
    return entries;
  }

  get(key: string, id: string, scope?: string): Entry | undefined {
    const entry = this.collections.get(key)?.get(id);
    return entry && (scope === undefined || entry.scope === scope) ? entry : undefined;
  }

  /** The records of one scope (every scope when `scope` is undefined), oldest first. */
  list(key: string, scope?: string): Entry[] {
    const all = [...(this.collections.get(key)?.values() ?? [])];
    return scope === undefined ? all : all.filter((entry) => entry.scope === scope);
  }

  find(key: string, predicate: (record: Resource) => boolean): Entry | undefined {
    for (const entry of this.collections.get(key)?.values() ?? []) if (predicate(entry.record)) return entry;
    return undefined;
  }

  begin(): Change {
    return new Change(this);
  }

  /** Applies a change's writes; only Change calls this. */
  apply(writes: Array<{ key: string; entry: Entry | { id: string; remove: true } }>): void {
    for (const { key, entry } of writes) {
      const entries = this.of(key);
      if ('remove' in entry) {
        entries.delete(entry.id);
        continue;
      }
      const previous = entries.get(entry.id);
      // Map keeps insertion order, so creation order survives updates.
      entries.set(entry.id, { ...entry, seq: previous?.seq ?? ++this.seq });
    }
    this.onChange?.();
  }

  /** The whole state as plain data, each collection in creation order. */
  snapshot(): StoreSnapshot {
    const collections: StoreSnapshot['collections'] = {};
    for (const [key, entries] of this.collections) {
      if (entries.size) collections[key] = [...entries.values()].map(({ id, scope, record, seeded }) => ({ id, scope, record: structuredClone(record), seeded }));
    }
    return { collections, singletons: Object.fromEntries(structuredClone(this.singletons)) };
  }

  /** Replaces the state with a snapshot's (reset() still returns to the seeded state). */
  restore(snapshot: StoreSnapshot): void {
    this.collections = new Map();
    this.seq = 0;
    for (const [key, entries] of Object.entries(snapshot.collections)) {
      this.collections.set(key, new Map(entries.map((e) => [e.id, { ...e, record: structuredClone(e.record), seq: ++this.seq }])));
    }
    this.singletons = new Map(Object.entries(structuredClone(snapshot.singletons)));
  }

  /** Remembers the current state as the one reset() returns to. */
  save(): void {
    this.saved = { collections: cloneCollections(this.collections), singletons: structuredClone(this.singletons), seq: this.seq };
  }

  reset(): void {
    if (!this.saved) return;
    this.collections = cloneCollections(this.saved.collections);
    this.singletons = structuredClone(this.saved.singletons);
    this.seq = this.saved.seq;
    this.onChange?.();
  }
}

function cloneCollections(source: Map<string, Map<string, Entry>>): Map<string, Map<string, Entry>> {
  return new Map([...source].map(([key, entries]) => [key, new Map([...entries].map(([id, e]) => [id, { ...e, record: structuredClone(e.record) }]))]));
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
