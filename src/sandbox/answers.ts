// What a record looks like in an answer: the fields the answer's schema declares, with nested
// collections filled in from their own records (an event's `ticketGroups`, a ticket group's
// `ticketTypeIds`), so a record reads the same whichever operation changed it last.
import type { Collection } from './model.js';
import { camel, singular } from './names.js';
import type { Records, WriteContext } from './records.js';
import type { SchemaReader, Schema } from './spec.js';
import type { Store, Resource } from './store.js';

export const joinScope = (scope: string, id: string) => (scope ? `${scope}/${id}` : id);

export class Presenter {
  constructor(
    private readonly reader: SchemaReader,
    private readonly records: Records,
    private readonly store: Store,
  ) {}

  present(record: Resource, collection: Collection | undefined, scope: string, schema: Schema | undefined, ctx: WriteContext): Resource {
    const out = this.records.project(record, schema) as Resource;
    const shape = this.reader.shape(schema);
    for (const child of collection?.children ?? []) {
      const name = camel(child.segment);
      const idsName = `${singular(name)}Ids`;
      const wantsList = shape.properties.has(name) && this.reader.shape(shape.properties.get(name)).types.has('array');
      const wantsIds = shape.properties.has(idsName);
      if (!wantsList && !wantsIds) continue;
      const childScope = joinScope(scope, record.id);
      const kids = this.store.list(child.key, childScope);
      if (wantsList) {
        const items = this.reader.shape(shape.properties.get(name)).items;
        out[name] = kids.map((kid) => this.present(kid.record, child, childScope, items, ctx));
      }
      if (wantsIds) out[idsName] = kids.map((kid) => kid.id);
    }
    return this.records.complete(out, schema, ctx);
  }
}
