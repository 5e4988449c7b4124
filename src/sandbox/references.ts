// Which record still uses another: a record of another collection (or the account) that holds
// its id in a field meant for ids (`themeId`, `fileIds`, `media[].fileId`...). A delete whose
// operation documents 409 ("still in use") is refused while one does; forget() takes a deleted
// record's id out of the lists of ids that hold it.
import type { ApiModel, Collection } from './model.js';
import { singular } from './names.js';
import type { Change, Store, Resource } from './store.js';

// `file` is how a theme's background image names its file.
const HOLDS_IDS = /^(file|.*Ids?)$/;

function holds(value: unknown, id: string): boolean {
  if (Array.isArray(value)) return value.some((item) => holds(item, id));
  if (!value || typeof value !== 'object') return false;
  for (const [name, field] of Object.entries(value as Resource)) {
    if (HOLDS_IDS.test(name) && (field === id || (Array.isArray(field) && field.includes(id)))) return true;
    if (field && typeof field === 'object' && holds(field, id)) return true;
  }
  return false;
}

/** The first record outside `collection` that uses the record `id`, as "checkout page 66..." (or "the account"). */
export function usedBy(model: ApiModel, store: Store, collection: Collection, id: string): string | undefined {
  for (const other of model.collections.values()) {
    if (other === collection) continue;
    const user = store.list(other.key).find((entry) => holds(entry.record, id));
    if (user) return `${singular(other.segment).replace(/-/g, ' ')} ${user.id}`;
  }
  for (const record of store.singletons.values()) if (holds(record, id)) return 'the account';
  return undefined;
}

/** A copy of `value` without `id` in its lists of ids (`fixedTaxRateIds`), or undefined when none held it. */
function without(value: unknown, id: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => without(item, id));
    return items.some((item) => item !== undefined) ? items.map((item, i) => item ?? value[i]) : undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  let out: Resource | undefined;
  for (const [name, field] of Object.entries(value as Resource)) {
    const next = HOLDS_IDS.test(name) && Array.isArray(field) && field.includes(id) ? field.filter((v) => v !== id) : without(field, id);
    if (next !== undefined) (out ??= { ...(value as Resource) })[name] = next;
  }
  return out;
}

/** Takes `id` out of every list of ids in the records of the other collections. */
export function forget(model: ApiModel, store: Store, change: Change, collection: Collection, id: string): void {
  for (const other of model.collections.values()) {
    if (other === collection) continue;
    for (const entry of store.list(other.key)) {
      const record = without(entry.record, id) as Resource | undefined;
      if (record) change.put(other.key, entry.scope, record, entry.seeded);
    }
  }
}
