// Which record still uses another: a record of another collection (or the account) that holds
// its id in a field meant for ids (`themeId`, `fileIds`, `media[].fileId`...). A delete whose
// operation documents 409 ("still in use") is refused while one does.
import type { ApiModel, Collection } from './model.js';
import { singular } from './names.js';
import type { Store, Resource } from './store.js';

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
