// regenerateInvoice: re-renders the invoice document and answers the invoice. The sandbox has no
// document to render, so the invoice only gets a new `updatedAt`.
import type { Handler } from '../engine.js';

export const regenerateInvoice: Handler = (ctx) => {
  const { engine, route, params, write } = ctx;
  const collection = route.collection!;
  const entry = engine.find(collection, route, params);
  const record = { ...entry.record, updatedAt: new Date(write.nowMs).toISOString() };
  const change = engine.store.begin();
  change.put(collection.key, entry.scope, record, entry.seeded);
  change.commit();
  return engine.respond(ctx, record, collection, entry.scope);
};
