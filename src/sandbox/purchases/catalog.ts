// What a purchase reads from the store before it writes anything: the page, the price or ticket
// type, the coupon and the tax rates, each checked as the API checks a checkout (errors below).
import type { Engine } from '../engine.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import type { Entry, Resource } from '../store.js';

export type PageKind = 'checkout' | 'event' | 'form';

export const PAGE_KEYS: Record<PageKind, string> = { checkout: '/v1/checkout-pages', event: '/v1/events', form: '/v1/forms' };
export const TICKET_GROUPS = '/v1/events/{}/ticket-groups';
export const TICKET_TYPES = '/v1/events/{}/ticket-groups/{}/ticket-types';
export const FORM_FIELDS = '/v1/forms/{}/fields';
const COUPONS = '/v1/coupons';
const TAX_RATES = '/v1/tax-rates';
const PRODUCTS = '/v1/products';

export interface Page {
  kind: PageKind;
  key: string;
  entry: Entry;
}

export function findPage(engine: Engine, match: (record: Resource) => boolean): Page | undefined {
  for (const [kind, key] of Object.entries(PAGE_KEYS) as Array<[PageKind, string]>) {
    const entry = engine.store.find(key, match);
    if (entry) return { kind, key, entry };
  }
  return undefined;
}

export function pageById(engine: Engine, pageId: string): Page {
  const page = findPage(engine, (r) => r.id === pageId);
  if (!page) throw notFound(`No checkout page, event or form with id ${pageId}`);
  // The API sells only from published pages; the sandbox answers a draft or archived one as it
  // answers sales that are closed (409).
  if (page.entry.record.status !== 'published') throw new ApiError(409, `The page is ${String(page.entry.record.status)}, not published`);
  return page;
}

/** A checkout page's price: the one named, else the default, else the first enabled one. */
export function priceOf(page: Resource, priceId: string | undefined): Resource {
  const prices = ((page.product as Resource | undefined)?.prices ?? []) as Resource[];
  const price = priceId ? prices.find((p) => p.id === priceId) : (prices.find((p) => p.isDefault && p.enabled !== false) ?? prices.find((p) => p.enabled !== false));
  if (!price) throw badRequest([{ param: 'priceId', message: priceId ? 'is not a price of this page' : 'the page has no price to buy', ...(priceId ? { value: priceId } : {}) }]);
  if (price.enabled === false) throw new ApiError(409, 'This price is not available', [{ param: 'priceId', message: 'is disabled', value: priceId }]);
  return price;
}

export interface TicketChoice {
  type: Entry;
  group: Entry;
}

/**
 * The ticket type bought, checked as the API checks a booking: 409 when the type or its group is
 * disabled, the type is not on sale now, or fewer seats remain than asked (in the type, its group
 * or the event); 400 for a quantity outside the type's per-order limits.
 */
export function ticketTypeOf(engine: Engine, event: Entry, ticketTypeId: string | undefined, quantity: number, nowMs: number): TicketChoice {
  const types = engine.store.list(TICKET_TYPES).filter((t) => t.scope.startsWith(`${event.id}/`));
  const type = ticketTypeId ? types.find((t) => t.id === ticketTypeId) : types.length === 1 ? types[0] : undefined;
  if (!type) {
    throw badRequest([{ param: 'ticketTypeId', message: ticketTypeId ? 'is not a ticket type of this event' : 'is required for an event with several ticket types', ...(ticketTypeId ? { value: ticketTypeId } : {}) }]);
  }
  const group = engine.store.get(TICKET_GROUPS, type.scope.split('/').at(-1)!)!;
  const t = type.record;
  if (t.status !== 'enabled' || group.record.status !== 'enabled') throw new ApiError(409, 'This ticket type is not available');
  const startsAt = typeof t.saleStartOn === 'string' ? Date.parse(t.saleStartOn) : -Infinity;
  const endsAt = typeof t.saleEndOn === 'string' ? Date.parse(t.saleEndOn) : Infinity;
  if (nowMs < startsAt || nowMs > endsAt || t.availabilityStatus === 'unavailable') throw new ApiError(409, 'This ticket type is not on sale');
  if (typeof t.minQuantity === 'number' && quantity < t.minQuantity) throw badRequest([{ param: 'quantity', message: `must be at least ${t.minQuantity}`, value: quantity }]);
  if (typeof t.maxQuantity === 'number' && quantity > t.maxQuantity) throw badRequest([{ param: 'quantity', message: `must be at most ${t.maxQuantity}`, value: quantity }]);
  const sold = (entries: Entry[]) => entries.reduce((sum, e) => sum + Number(e.record.quantitySold ?? 0), 0);
  const inGroup = types.filter((e) => e.scope === type.scope);
  const limits: Array<[unknown, number]> = [
    [t.capacity, sold([type])],
    [group.record.capacity, sold(inGroup)],
    [(event.record.eventDetails as Resource | undefined)?.capacity, sold(types)],
  ];
  for (const [capacity, taken] of limits) {
    if (t.availabilityStatus === 'sold_out' || (typeof capacity === 'number' && taken + quantity > capacity)) throw new ApiError(409, 'Sold out: not enough tickets remain');
  }
  return { type, group };
}

/** The coupon a code names, checked for this page, ticket type, currency and moment (400 otherwise). */
export function couponFor(engine: Engine, code: string, where: { pageId: string; ticketTypeId?: string; currency?: string }, nowMs: number): Entry {
  const refuse = (message: string) => badRequest([{ param: 'couponCode', message, value: code }], 'Invalid coupon');
  const entry = engine.store.find(COUPONS, (c) => typeof c.code === 'string' && c.code.toLowerCase() === code.toLowerCase() && !c.deleted);
  if (!entry) throw refuse('is not a coupon of this store');
  const c = entry.record;
  if (Array.isArray(c.pageIds) && c.pageIds.length > 0 && !c.pageIds.includes(where.pageId)) throw refuse('does not apply to this page');
  if (where.ticketTypeId && Array.isArray(c.ticketTypeIds) && c.ticketTypeIds.length > 0 && !c.ticketTypeIds.includes(where.ticketTypeId)) throw refuse('does not apply to this ticket type');
  if (typeof c.redeemBy === 'string' && Date.parse(c.redeemBy) < nowMs) throw refuse('has expired (redeemBy has passed)');
  if (typeof c.maxRedemptions === 'number' && Number(c.timesRedeemed ?? 0) >= c.maxRedemptions) throw refuse('has reached its maxRedemptions');
  if (typeof c.amountOff === 'number' && typeof c.currency === 'string' && where.currency && c.currency.toLowerCase() !== where.currency.toLowerCase()) {
    throw refuse(`is in ${c.currency}, the price in ${where.currency}`);
  }
  return entry;
}

/**
 * The fixed tax rates a page charges: a checkout page's product `fixedTaxRateIds`, an event's
 * `eventDetails.fixedTaxRateIds`, when the page's tax mode is `fixed`. Stripe Tax (`stripe`) is
 * computed by Stripe, which the sandbox has not: such pages are charged no tax.
 */
export function taxRatesOf(engine: Engine, page: Page): Resource[] {
  const r = page.entry.record;
  const tax = r.tax as Resource | undefined;
  if (!tax?.enabled || tax.mode !== 'fixed') return [];
  let ids: unknown;
  if (page.kind === 'event') ids = (r.eventDetails as Resource | undefined)?.fixedTaxRateIds;
  else {
    const productId = (r.productId ?? (r.product as Resource | undefined)?.id) as string | undefined;
    ids = (productId ? engine.store.get(PRODUCTS, productId)?.record.fixedTaxRateIds : undefined) ?? (r.product as Resource | undefined)?.fixedTaxRateIds;
  }
  return (Array.isArray(ids) ? ids : []).map((id) => engine.store.get(TAX_RATES, String(id))?.record).filter((rate): rate is Resource => !!rate);
}

/** The event's bulk discount for this quantity of this ticket type (its `percentOff`), if one applies. */
export function bulkPercentOff(event: Resource, ticketTypeId: string, quantity: number): number | undefined {
  const discounts = ((event.eventDetails as Resource | undefined)?.discounts ?? []) as Resource[];
  const found = discounts.find(
    (d) =>
      typeof d.percentOff === 'number' &&
      quantity >= Number(d.minQuantity ?? 1) &&
      quantity <= Number(d.maxQuantity ?? Infinity) &&
      (!Array.isArray(d.ticketTypeIds) || d.ticketTypeIds.length === 0 || d.ticketTypeIds.includes(ticketTypeId)),
  );
  return found?.percentOff as number | undefined;
}
