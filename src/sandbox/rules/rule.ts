// A rule adds what one operation documents beyond its kind (a built-in theme is read-only, a
// checkout page creates its product) to the generic handler of that kind, which still does the
// rest: finding, validating, storing, answering and raising webhooks.
import type { Ctx } from '../engine.js';
import type { Collection } from '../model.js';
import type { Change, Entry, Resource } from '../store.js';

/** A record a rule wrote besides the one the operation addresses, for its webhooks. */
export interface Written {
  collection: Collection;
  before?: Resource;
  after: Resource;
}

export interface Rule {
  /** Before anything changes: refuse with an ApiError, or adjust `ctx.body.value`. `entry` is the addressed record on item routes. */
  check?(ctx: Ctx, entry?: Entry): void;
  /** The records a unique field must differ from (default: every record of the scope). */
  uniqueAmong?(record: Resource): boolean;
  /**
   * Before the change is committed: derived fields of `record`, and other records the change
   * implies (returned for their webhooks; on a delete, `record` is the record going away).
   */
  apply?(ctx: Ctx, record: Resource, change: Change, before?: Resource): Written[] | void;
}
