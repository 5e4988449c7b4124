// Writing the records of a purchase or a renewal: each is built as the API would answer it (its
// schema's required fields filled in by the engine's Records), put into one Change, and shown
// through the Presenter; the events go out after the commit, in the caller's order.
import type { Engine } from '../engine.js';
import { randomInt } from 'node:crypto';
import type { WriteContext } from '../records.js';
import type { Change, Entry, Resource } from '../store.js';

export const CUSTOMERS = '/v1/customers';
export const PAYMENTS = '/v1/payments';
export const BOOKINGS = '/v1/bookings';
export const TICKETS = '/v1/tickets';
export const SUBSCRIPTIONS = '/v1/subscriptions';
export const SUBSCRIPTION_PAYMENTS = '/v1/subscription-payments';
export const SUBMISSIONS = '/v1/submissions';

/** A new record of a top-level collection, put into the change. */
export function create(engine: Engine, change: Change, key: string, fields: Resource, write: WriteContext): Resource {
  const collection = engine.model.collections.get(key)!;
  const record = engine.records.build(fields, collection.itemSchema, write, new Set());
  change.put(key, '', record);
  return record;
}

/** An existing record with some fields changed (and `updatedAt` now), put into the change. */
export function update(change: Change, key: string, entry: Entry, fields: Resource, write: WriteContext): Resource {
  const record = { ...entry.record, ...fields, updatedAt: new Date(write.nowMs).toISOString() };
  change.put(key, entry.scope, record, entry.seeded);
  return record;
}

/** A record as its get operation answers it. */
export function shown(engine: Engine, key: string, record: Resource, write: WriteContext): Resource {
  const collection = engine.model.collections.get(key)!;
  return engine.presenter.present(record, collection, '', collection.itemSchema, write);
}

/** The next human order number: eight digits, one above the highest the store has. */
export function nextOrderId(engine: Engine): string {
  let highest = 10_000_000;
  for (const key of [PAYMENTS, BOOKINGS, SUBSCRIPTIONS]) {
    for (const { record } of engine.store.list(key)) if (/^\d+$/.test(String(record.orderId ?? ''))) highest = Math.max(highest, Number(record.orderId));
  }
  return String(highest + 1);
}

/** A ticket's short id: eight capitals and digits, as the API shows them. */
export function ticketShortId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** `iso` moved on by `count` × `interval` (day, week, month or year), in UTC. */
export function addInterval(iso: string, interval: string, count: number): string {
  const d = new Date(iso);
  if (interval === 'day') d.setUTCDate(d.getUTCDate() + count);
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7 * count);
  else if (interval === 'year') d.setUTCFullYear(d.getUTCFullYear() + count);
  else d.setUTCMonth(d.getUTCMonth() + count);
  return d.toISOString();
}

/** The `taxRates` snapshots and `taxBreakdown` lines of a charge. */
export function taxFields(lines: Array<{ rate: Resource; taxableAmount: number; taxAmount: number }>): Resource {
  return {
    taxRates: lines.length ? lines.map(({ rate }) => ({ taxRate: rate.id, stripeId: rate.stripeId, displayName: rate.displayName, inclusive: rate.inclusive, percentage: rate.percentage, active: true, default: !!rate.default, createdAt: rate.createdAt, updatedAt: rate.updatedAt })) : null,
    taxBreakdown: lines.map((l) => ({ taxAmount: l.taxAmount, taxableAmount: l.taxableAmount, taxType: null, taxabilityReason: null, taxRateDetails: { country: null, state: null, percentageDecimal: Number(l.rate.percentage), taxType: null } })),
    taxSource: lines.length ? 'fixed_tax_rate' : null,
  };
}
