// Tax rates: one rate at most is the store's default, so making one the default unmakes the
// others; deleting a rate takes it out of the products and events that charge it (the API
// removes it from every page that uses it).
import type { Ctx } from '../engine.js';
import { forget } from '../references.js';
import type { Change, Resource } from '../store.js';
import type { Rule } from './rule.js';

function onlyDefault(ctx: Ctx, record: Resource, change: Change): void {
  if (record.default !== true) return;
  const rates = ctx.route.collection!;
  for (const entry of ctx.engine.store.list(rates.key)) {
    if (entry.id !== record.id && entry.record.default === true) change.put(rates.key, entry.scope, { ...entry.record, default: false }, entry.seeded);
  }
}

export const taxRateRules: Record<string, Rule> = {
  createTaxRate: { apply: (ctx, record, change) => onlyDefault(ctx, record, change) },
  updateTaxRate: { apply: (ctx, record, change) => onlyDefault(ctx, record, change) },
  deleteTaxRate: { apply: (ctx, record, change) => forget(ctx.engine.model, ctx.engine.store, change, ctx.route.collection!, String(record.id)) },
};
