// The starting state, taken from the spec's named examples: every record an answer example shows
// (and every record a webhook example carries) exists with its id. When several examples show one
// record, the most telling wins: get, then list, create, update, delete, an action's answer (an
// upload's file), webhook, and last a copy embedded in a parent (an event's `ticketGroups`).
// Nested records find their parent through the field naming it (`ticketGroupId`), the parent that
// embeds them, or else their siblings' parent.
import type { ApiModel, Collection, OperationKind } from '../model.js';
import { camel, eventResource, singular } from '../names.js';
import type { Store, Resource } from '../store.js';

const PRIORITY: Partial<Record<OperationKind, number>> = { get: 6, list: 5, create: 4, update: 3, delete: 2, action: 1 };
const WEBHOOK = 0;
const EMBEDDED = -1;

interface Candidate {
  record: Resource;
  priority: number;
  order: number;
  /** The id of the parent record that embeds this one. */
  embeddedIn?: string;
}

/** Stores the examples' records (and the singletons, such as the account), with their ids. */
export function seedExamples(model: ApiModel, store: Store, records = true): void {
  const { reader } = model;
  const candidates = new Map<Collection, Map<string, Candidate>>();
  let order = 0;
  const offer = (collection: Collection, record: unknown, priority: number, embeddedIn?: string) => {
    if (!record || typeof record !== 'object' || typeof (record as Resource).id !== 'string') return;
    const id = (record as Resource).id as string;
    let byId = candidates.get(collection);
    if (!byId) candidates.set(collection, (byId = new Map()));
    const known = byId.get(id);
    if (!known) byId.set(id, { record: record as Resource, priority, order: order++, embeddedIn });
    else {
      if (priority > known.priority) Object.assign(known, { record, priority });
      known.embeddedIn ??= embeddedIn;
    }
  };

  for (const route of model.routes) {
    const answer = reader.successResponse(route.operation);
    if (route.kind === 'singleton') {
      if (answer.examples[0] && !store.singletons.has(route.path)) store.singletons.set(route.path, structuredClone(answer.examples[0]));
      continue;
    }
    if (!records) continue;
    const priority = PRIORITY[route.kind];
    if (!route.collection || priority === undefined) continue;
    for (const example of answer.examples) {
      const data = (example as Resource | undefined)?.data;
      for (const record of route.kind === 'list' && Array.isArray(data) ? data : [data]) offer(route.collection, record, priority);
    }
  }

  const topLevel = [...model.collections.values()].filter((c) => !c.parent);
  for (const [event, item] of Object.entries(records ? (model.reader.doc.webhooks ?? {}) : {})) {
    const body = reader.resolve(item.post?.requestBody)?.content?.['application/json'];
    for (const example of Object.values<Resource>(body?.examples ?? {})) {
      const data = reader.resolve(example)?.value?.data as Resource | undefined;
      for (const [key, record] of Object.entries(data ?? {})) {
        const collection = topLevel.find((c) => camel(eventResource(c.segment)) === key && event.startsWith(`${eventResource(c.segment)}.`));
        if (collection) offer(collection, record, WEBHOOK);
      }
    }
  }

  // Parents before children, so that embedded records are offered before their collection is placed.
  const ordered = [...model.collections.values()].sort((a, b) => a.parentParams.length - b.parentParams.length);
  const scopes = new Map<Collection, Map<string, string>>();
  const change = store.begin();
  for (const collection of ordered) {
    const byId = [...(candidates.get(collection)?.values() ?? [])].sort((a, b) => a.order - b.order);
    const placed = new Map<string, string>();
    scopes.set(collection, placed);
    const parentScopes = collection.parent ? scopes.get(collection.parent)! : undefined;
    const parentParam = collection.parentParams.at(-1);
    const siblingsParent = () => {
      const counts = new Map<string, number>();
      for (const scope of placed.values()) counts.set(scope, (counts.get(scope) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    };
    for (const candidate of byId) {
      let scope = '';
      if (parentScopes) {
        const named = parentParam ? candidate.record[parentParam] : undefined;
        const parentId = [named, candidate.embeddedIn].find((id) => typeof id === 'string' && parentScopes.has(id));
        if (parentId) scope = join(parentScopes.get(parentId)!, parentId);
        else scope = siblingsParent() ?? firstScope(parentScopes) ?? '';
        if (!scope) continue; // no parent record at all: nowhere to put it
      }
      const record = structuredClone(candidate.record);
      placed.set(record.id, scope);
      change.put(collection.key, scope, record, true);
      for (const child of collection.children) {
        const embedded = record[camel(child.segment)];
        if (!Array.isArray(embedded)) continue;
        for (const item of embedded) offer(child, item, EMBEDDED, record.id);
        // A record that must list its nested records' ids (`ticketTypeIds`) and does not: these.
        const ids = `${singular(camel(child.segment))}Ids`;
        if (record[ids] === undefined && reader.shape(collection.itemSchema).required.has(ids)) record[ids] = embedded.map((item: Resource) => item.id);
      }
    }
  }
  change.commit();
}

const join = (scope: string, id: string) => (scope ? `${scope}/${id}` : id);

function firstScope(parents: Map<string, string>): string | undefined {
  const first = parents.entries().next().value as [string, string] | undefined;
  return first ? join(first[1], first[0]) : undefined;
}
