// Request-local keys: a create body may name a new nested item by `key` (a ticket type, a field)
// so that another item of the same body can point at it before it has an id
// (`triggerTicketTypeId: conference-pass`). Once every record of the body has its id, the fields
// that hold ids (`...Id`, `...Ids`) and name such a key get the id instead.
import type { Resource } from './store.js';

const HOLDS_IDS = /Ids?$/;
const isObject = (v: unknown): v is Resource => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Replaces, in place, the keys that id fields of `records` name with the ids of the items that carry those keys. */
export function linkKeys(records: Resource[]): void {
  const ids = new Map<string, string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      if (typeof value.key === 'string' && typeof value.id === 'string') ids.set(value.key, value.id);
      Object.values(value).forEach(collect);
    }
  };
  records.forEach(collect);
  if (ids.size === 0) return;
  const swap = (v: unknown) => (typeof v === 'string' ? (ids.get(v) ?? v) : v);
  const link = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(link);
    else if (isObject(value)) {
      for (const [name, field] of Object.entries(value)) {
        if (HOLDS_IDS.test(name)) value[name] = Array.isArray(field) ? field.map(swap) : swap(field);
        link(value[name]);
      }
    }
  };
  records.forEach(link);
}
