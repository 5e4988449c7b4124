// Which store a key works on. As on the API, each store is separate: by default every distinct
// key gets a store of its own, created and seeded the first time the key is used; the `stores`
// option names groups of keys that share one store (a shop with several keys).
import type { Engine } from './engine.js';

export interface OpenStore {
  /** The group's name, or the key itself for a key of its own. */
  name: string;
  /** The keys that work on this store (those used so far, for a key of its own: that key). */
  apiKeys: ReadonlySet<string>;
  engine: Engine;
}

/** Checks the `stores` option: names and keys non-empty, each key in one group only. Throws a TypeError naming the place. */
export function checkGroups(groups: unknown, allowed?: ReadonlySet<string>): Map<string, string> {
  const groupOf = new Map<string, string>();
  if (groups === undefined) return groupOf;
  if (!groups || typeof groups !== 'object' || Array.isArray(groups)) throw new TypeError('createSandbox: `stores` must be an object of store name → API keys');
  for (const [name, keys] of Object.entries(groups)) {
    if (!name) throw new TypeError('createSandbox: `stores` has a store with an empty name');
    if (!Array.isArray(keys) || keys.length === 0) throw new TypeError(`createSandbox: \`stores.${name}\` must be a non-empty array of API keys`);
    keys.forEach((key: unknown, i) => {
      const where = `stores.${name}[${i}]`;
      if (typeof key !== 'string' || !/^[\x21-\x7e]+$/.test(key)) throw new TypeError(`createSandbox: \`${where}\` is not an API key (printable text without spaces)`);
      const other = groupOf.get(key);
      if (other !== undefined) throw new TypeError(`createSandbox: \`${where}\` (${key}) is already in \`stores.${other}\`: a key works on one store only`);
      if (allowed && !allowed.has(key)) throw new TypeError(`createSandbox: \`${where}\` (${key}) is not one of \`apiKeys\`, so it could never be used`);
      groupOf.set(key, name);
    });
  }
  return groupOf;
}

export class Stores {
  /** Open stores, by `group:NAME` or `key:KEY`, so a group name never meets a key. */
  private readonly open = new Map<string, OpenStore>();

  constructor(
    private readonly groupOf: ReadonlyMap<string, string>,
    private readonly create: (name: string) => Engine,
  ) {}

  /** The store `apiKey` works on, created and seeded on its first use. */
  of(apiKey: string): OpenStore {
    const group = this.groupOf.get(apiKey);
    const id = group === undefined ? `key:${apiKey}` : `group:${group}`;
    let store = this.open.get(id);
    if (!store) {
      const apiKeys = group === undefined ? [apiKey] : [...this.groupOf].filter(([, g]) => g === group).map(([key]) => key);
      const name = group ?? apiKey;
      store = { name, apiKeys: new Set(apiKeys), engine: this.create(name) };
      this.open.set(id, store);
    }
    return store;
  }

  /** A store already open: the group `store` names, else the key's own. */
  find(target: { apiKey?: string; store?: string }): OpenStore | undefined {
    if (target.apiKey !== undefined) {
      const group = this.groupOf.get(target.apiKey);
      return this.open.get(group === undefined ? `key:${target.apiKey}` : `group:${group}`);
    }
    return this.open.get(`group:${target.store}`) ?? this.open.get(`key:${target.store}`);
  }

  /** Whether `store` names a group of the `stores` option. */
  isGroup(store: string): boolean {
    for (const group of this.groupOf.values()) if (group === store) return true;
    return false;
  }

  all(): OpenStore[] {
    return [...this.open.values()];
  }
}
