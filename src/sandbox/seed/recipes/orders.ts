// What customers did: payments, subscriptions and their payments, bookings with the tickets they
// issue, form submissions and invoices, each linked to records filled before it.
import type { Resource } from '../../store.js';
import { replaceDeep } from '../clone.js';
import { buyer, copies, settle, type Recipe } from './shared.js';

export const payments: Recipe = (g, collection) => {
  for (const { record, createdMs } of copies(g, collection)) {
    const linked = buyer(g, record, createdMs, g.collection('checkout-pages'));
    settle(linked, linked.status);
    g.add(collection, linked);
  }
};

export const subscriptions: Recipe = (g, collection) => {
  const coupons = g.collection('coupons');
  for (const { record, createdMs } of copies(g, collection)) {
    let linked = buyer(g, record, createdMs, g.collection('checkout-pages'));
    if (linked.couponId) linked = g.link(linked, 'couponId', g.pick(coupons, { beforeMs: createdMs }));
    g.add(collection, linked);
  }
};

export const subscriptionPayments: Recipe = (g, collection) => {
  const subscriptions = g.collection('subscriptions');
  const made: Resource[] = [];
  for (const { record, createdMs } of copies(g, collection, { main: 'paymentStatus' })) {
    const subscription = g.pick(subscriptions, { beforeMs: createdMs, where: (s) => !/^draft|incomplete/.test(s.status) });
    let linked = g.link(record, 'subscriptionId', subscription);
    for (const field of ['customerId', 'pageId', 'productId']) {
      const target = subscription && g.all(g.collection(field === 'customerId' ? 'customers' : field === 'pageId' ? 'checkout-pages' : 'products')).find((r) => r.id === subscription[field]);
      linked = g.link(linked, field, target);
    }
    // Paid is what succeeded; only what was paid can be refunded.
    linked.paid = linked.paymentStatus === 'succeeded';
    if (!linked.paid) linked.refunded = false;
    linked.partiallyRefunded = false;
    made.push(linked);
  }
  const refunded = [...g.all(collection), ...made].filter((r) => r.refunded === true).length;
  made.filter((r) => r.paid && !r.refunded).slice(0, Math.max(0, 2 - refunded)).forEach((r) => (r.refunded = true));
  for (const record of made) g.add(collection, record);
};

/** The status of the tickets a booking issues, by its status: none before anything is paid. */
const ISSUES: Record<string, string> = { paid: 'PAID', partially_paid: 'PAID', partial_refund: 'PAID', refunded: 'CANCELED', canceled: 'CANCELED' };

/** Bookings of events with ticket types, their places and amounts drawn again. */
export const bookings: Recipe = (g, collection) => {
  const eventsCollection = g.collection('events');
  const hasTypes = (event: Resource) => Array.isArray(event.ticketGroups) && event.ticketGroups.some((group: Resource) => group.ticketTypes?.length);
  for (const { record, createdMs } of copies(g, collection)) {
    const linked = buyer(g, record, createdMs, eventsCollection, hasTypes);
    const items = (linked.tickets as Resource[] | undefined) ?? [];
    const before = items.reduce((sum, item) => sum + (item.quantity ?? 1), 0) || 1;
    for (const item of items) item.quantity = g.random.int(1, 2);
    const after = items.reduce((sum, item) => sum + (item.quantity ?? 1), 0) || 1;
    for (const field of ['amount', 'amountUsd', 'ticketFeesAmount', 'complimentaryDiscountAmount', 'taxAmount']) {
      if (typeof linked[field] === 'number') linked[field] = Math.round((linked[field] * after) / before);
    }
    settle(linked, linked.status);
    g.add(collection, linked);
  }
};

/** The tickets of every booking that issues them, one per place; some paid ones (two at least) checked in. */
export const tickets: Recipe = (g, collection) => {
  const template = g.examples(collection)[0];
  const bookingList = g.all(g.collection('bookings'));
  if (!template) return;
  const issued = new Set(g.all(collection).map((t) => t.bookingId));
  const due = bookingList.filter((b) => ISSUES[b.status] && !issued.has(b.id) && Array.isArray(b.tickets));
  // Enough paid tickets for a full page: more places on the paid bookings when needed.
  const count = () => due.reduce((sum, b) => sum + b.tickets.reduce((s: number, item: Resource) => s + (item.quantity ?? 1), 0), 0);
  const paid = due.filter((b) => b.status === 'paid' && b.tickets.length && g.familyOf(b.id) !== b.id);
  for (let i = 0; paid.length && g.all(collection).length + count() < g.size; i++) paid[i % paid.length]!.tickets[0].quantity++;
  let checkedIn = 0;
  for (const booking of due) {
    const event = g.all(g.collection('events')).find((e) => e.id === booking.pageId);
    const bookedMs = Date.parse(booking.createdAt);
    for (const item of booking.tickets as Resource[]) {
      for (let k = 0; k < (item.quantity ?? 1); k++) {
        let ticket = g.copy(template, bookedMs + 3000 + k * 1000);
        ticket = g.link(ticket, 'bookingId', booking);
        ticket = g.link(ticket, 'pageId', event);
        ticket = g.link(ticket, 'customerId', g.all(g.collection('customers')).find((c) => c.id === booking.customerId));
        ticket = replaceDeep(ticket, new Map([[ticket.ticketTypeId, item.ticketTypeId]])) as Resource;
        Object.assign(ticket, {
          status: ISSUES[booking.status],
          orderId: booking.orderId,
          livemode: booking.livemode,
          pricing: item.pricing ?? ticket.pricing,
          originalPrice: item.originalPrice ?? item.price ?? ticket.originalPrice,
          checkIns: [],
          metadata: [],
        });
        delete ticket.latestCheckIn;
        if (ticket.status === 'PAID' && (checkedIn < 2 || g.random.chance(0.3))) {
          checkedIn++;
          const at = new Date(Math.min(g.endMs, bookedMs + g.random.int(1, 30) * 86_400_000)).toISOString();
          const checkIn = { status: 'CHECKEDIN', method: 'QRSCAN', checkedInBy: g.sellerId ?? ticket.sellerId, checkedInAt: at };
          Object.assign(ticket, { checkIns: [checkIn], latestCheckIn: checkIn, updatedAt: at });
        }
        g.add(collection, ticket);
      }
    }
  }
};

export const submissions: Recipe = (g, collection) => {
  for (const { record, createdMs } of copies(g, collection)) {
    let linked = g.link(record, 'pageId', g.pick(g.collection('forms'), { like: record.pageId, beforeMs: createdMs }));
    if (linked.customerId) linked = g.link(linked, 'customerId', g.pick(g.collection('customers'), { beforeMs: createdMs }));
    g.add(collection, linked);
  }
};

export const invoices: Recipe = (g, collection) => {
  const payments = g.collection('payments');
  for (const { record, createdMs } of copies(g, collection)) {
    const payment = g.pick(payments, { where: (p) => p.status !== 'draft' && p.status !== 'draft_expired' });
    let linked = g.link(record, 'chargeId', payment);
    const customer = payment && g.all(g.collection('customers')).find((c) => c.id === payment.customerId);
    linked = g.link(linked, 'customerId', customer);
    if (payment && typeof payment.productTitle === 'string') linked = replaceDeep(linked, new Map([[linked.productTitle, payment.productTitle]])) as Resource;
    if (typeof linked.invoiceNumber === 'string') linked.invoiceNumber = `${new Date(createdMs).getUTCFullYear()}-${String(100 + g.next()).padStart(6, '0')}`;
    settle(linked, linked.status);
    g.add(collection, linked);
  }
};
