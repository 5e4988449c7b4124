// Moving a store's clock forward, and what the API does as time passes, in time order: a trial
// ends and its first period is charged (subscription.active), a period ends and the next one is
// charged (a new payment: payment.created, payment.paid, and a subscription payment), a payment
// plan's last payment completes it (subscription.completed), a scheduled cancellation (`cancelAt`,
// or the period end after `cancelAtPeriodEnd`) ends it (subscription.canceled). A coupon's
// `redeemBy` needs nothing: purchases compare it with the store's time.
import type { Engine } from '../engine.js';
import { badRequest } from '../errors.js';
import type { WriteContext } from '../records.js';
import type { Entry, Resource } from '../store.js';
import { amounts } from './pricing.js';
import { addInterval, create, PAYMENTS, SUBSCRIPTION_PAYMENTS, SUBSCRIPTIONS, taxFields, update } from './records.js';

export interface ClockAdvance {
  /** Milliseconds to move forward. */
  ms?: number;
  days?: number;
  /** A moment to move to (ISO 8601, or a Date); a moment already past leaves the clock where it is. */
  to?: string | Date;
}

export interface ClockState {
  /** The store's time. */
  now: string;
  /** How far the store's time is ahead of the sandbox's `now` option. */
  offsetMs: number;
}

const RUNNING = new Set(['trialing', 'active', 'past_due']);
const DAY_MS = 86_400_000;

export function clockState(engine: Engine): ClockState {
  return { now: new Date(engine.now()).toISOString(), offsetMs: engine.clock.offset };
}

/** Moves the store's clock forward, applying everything that falls due on the way, in time order. */
export function advanceClock(engine: Engine, by: ClockAdvance, apiKey = ''): ClockState {
  const target = targetOf(engine, by);
  const startOffset = engine.clock.offset;
  const from = engine.now();
  for (;;) {
    const next = nextDue(engine, from, target);
    if (!next) break;
    engine.clock.moveTo(next.at);
    next.apply(engine.context(apiKey));
  }
  // `{ms}` and `{days}` move the store exactly that far ahead, however long the walk took on a
  // running wall clock; `{to}` moves it to that time.
  if (by.to === undefined) engine.clock.keepAhead(startOffset + (by.ms ?? by.days! * DAY_MS));
  else engine.clock.moveTo(target);
  return clockState(engine);
}

function targetOf(engine: Engine, by: ClockAdvance): number {
  const given = (['ms', 'days', 'to'] as const).filter((k) => by?.[k] !== undefined);
  if (given.length !== 1) throw badRequest([{ param: 'body', message: 'give exactly one of ms, days, to' }]);
  const now = engine.now();
  if (by.to !== undefined) {
    const at = by.to instanceof Date ? by.to.getTime() : Date.parse(String(by.to));
    if (!Number.isFinite(at)) throw badRequest([{ param: 'to', message: 'must be a date-time', value: String(by.to) }]);
    return Math.max(now, at);
  }
  const amount = by.ms ?? by.days!;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) throw badRequest([{ param: given[0]!, message: 'must be a number, 0 or more', value: amount }]);
  return now + (by.ms !== undefined ? amount : amount * DAY_MS);
}

interface Due {
  at: number;
  apply: (write: WriteContext) => void;
}

/**
 * The earliest thing due after `from` and at or before `target`, if any. What fell due before
 * the move (a seeded subscription whose period ended before the store's time) is left as it is:
 * the sandbox does not catch up on time it did not see pass.
 */
function nextDue(engine: Engine, from: number, target: number): Due | undefined {
  let best: Due | undefined;
  for (const entry of engine.store.list(SUBSCRIPTIONS)) {
    const s = entry.record;
    if (!RUNNING.has(String(s.status))) continue;
    const periodEnd = Date.parse(String(s.status === 'trialing' ? (s.trialEnd ?? s.currentPeriodEnd) : s.currentPeriodEnd));
    const cancelAt = typeof s.cancelAt === 'string' ? Date.parse(s.cancelAt) : s.cancelAtPeriodEnd === true ? periodEnd : NaN;
    let due: Due | undefined;
    if (Number.isFinite(cancelAt) && !(cancelAt > periodEnd)) due = { at: cancelAt, apply: (w) => cancel(engine, entry, w) };
    else if (Number.isFinite(periodEnd)) due = { at: periodEnd, apply: (w) => renew(engine, entry, w) };
    if (due && due.at > from && due.at <= target && (!best || due.at < best.at)) best = due;
  }
  return best;
}

function raise(engine: Engine, events: Array<[string, string, Resource]>): void {
  for (const [event, key, record] of events) engine.webhooks.raise(event, engine.model.collections.get(key)!, record);
}

function cancel(engine: Engine, entry: Entry, write: WriteContext): void {
  const change = engine.store.begin();
  const record = update(change, SUBSCRIPTIONS, entry, { status: 'canceled', canceledAt: new Date(write.nowMs).toISOString() }, write);
  change.commit();
  raise(engine, [['subscription.canceled', SUBSCRIPTIONS, record]]);
}

/** The end of a trial or a period: the next period starts and is charged, or a finished plan completes. */
function renew(engine: Engine, entry: Entry, write: WriteContext): void {
  const s = entry.record;
  const now = new Date(write.nowMs).toISOString();
  const charges = engine.store.list(SUBSCRIPTION_PAYMENTS).filter((p) => p.record.subscriptionId === s.id && Number(p.record.amount) > 0).length;
  const change = engine.store.begin();
  const events: Array<[string, string, Resource]> = [];
  const amount = periodAmount(s, write.nowMs);
  const payment = create(engine, change, PAYMENTS, {
    orderId: s.orderId, customerId: s.customerId, customerEmail: s.customerEmail, customerName: s.customerName, pageId: s.pageId, pageSlug: s.pageSlug,
    status: 'paid', orderStatus: 'active', currency: s.currency, amount: amount.amount, amountPaid: amount.amount, amountDue: 0, amountRefunded: 0,
    amountExcludingTax: amount.amount - amount.taxAmount, taxAmount: amount.taxAmount, isAbandoned: false, isComplimentary: false,
    ...taxFields(amount.taxLines), paymentMethod: s.paymentMethod ?? null,
    productId: s.productId ?? null, productTitle: s.productTitle ?? null, productPrice: s.productPrice ?? null, priceId: s.priceId ?? null, quantity: s.quantity ?? 1, livemode: s.livemode,
  }, write);
  create(engine, change, SUBSCRIPTION_PAYMENTS, {
    subscriptionId: s.id, customerId: s.customerId, customerEmail: s.customerEmail, customerName: s.customerName, pageId: s.pageId, pageSlug: s.pageSlug,
    productId: s.productId, productTitle: s.productTitle, amount: amount.amount, currency: s.currency, billingReason: 'subscription_cycle', invoiceStatus: 'paid',
    paymentStatus: 'succeeded', paid: true, refunded: false, partiallyRefunded: false, livemode: s.livemode, paymentMethod: s.paymentMethod,
  }, write);
  const finished = typeof s.planIterations === 'number' && charges + 1 >= s.planIterations;
  const next = {
    status: finished ? 'completed' : 'active',
    currentPeriodStart: now,
    currentPeriodEnd: addInterval(now, String(s.interval ?? 'month'), Math.max(1, Number(s.intervalCount ?? 1))),
  };
  const record = update(change, SUBSCRIPTIONS, entry, next, write);
  change.commit();
  if (s.status !== 'active' && !finished) events.push(['subscription.active', SUBSCRIPTIONS, record]);
  events.push(['payment.created', PAYMENTS, payment], ['payment.paid', PAYMENTS, payment]);
  if (finished) events.push(['subscription.completed', SUBSCRIPTIONS, record]);
  raise(engine, events);
}

/**
 * What a period costs: the price × quantity, less the coupon while it lasts (`forever`, or
 * `repeating` for `durationInMonths` from the start; `once` was the first charge's), plus the tax
 * rates kept with the subscription.
 */
function periodAmount(s: Resource, nowMs: number) {
  const coupon = s.couponSnapshot as Resource | null | undefined;
  const monthsIn = (nowMs - Date.parse(String(s.startDate))) / (30.44 * DAY_MS);
  const applies = coupon && (coupon.duration === 'forever' || (coupon.duration === 'repeating' && monthsIn < Number(coupon.durationInMonths ?? 0)));
  const rates = ((s.taxRates ?? []) as Resource[]).map((r) => ({ ...r, id: r.taxRate }));
  return amounts({ subtotal: Number(s.productPrice ?? s.amount ?? 0) * Number(s.quantity ?? 1), coupon: applies ? coupon : undefined, taxRates: rates });
}
