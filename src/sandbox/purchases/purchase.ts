// purchase(engine, input): a customer buying from one page of one store, recorded as the API
// records a checkout, and announced with the webhooks of that checkout in one order:
//   customer.created (a new customer), payment.created, booking.created, ticket.created (one per
//   ticket), then payment.paid, booking.paid, subscription.created, subscription.<status>,
//   submission.created; a failed or abandoned checkout sends payment.abandoned (and
//   booking.abandoned, subscription.created + subscription.abandoned) instead of the paid events.
// The API does not document this order: it is the sandbox's (README).
import type { Engine } from '../engine.js';
import { badRequest } from '../errors.js';
import { randomToken } from '../ids.js';
import type { WriteContext } from '../records.js';
import type { Change, Entry, Resource } from '../store.js';
import { bulkPercentOff, couponFor, pageById, priceOf, taxRatesOf, ticketTypeOf, TICKET_TYPES, type Page } from './catalog.js';
import { formAnswers } from './form-answers.js';
import { amounts, share, type Amounts } from './pricing.js';
import {
  addInterval, BOOKINGS, create, CUSTOMERS, nextOrderId, PAYMENTS, shown, SUBMISSIONS, SUBSCRIPTION_PAYMENTS, SUBSCRIPTIONS, taxFields, TICKETS, ticketShortId, update,
} from './records.js';
import { OUTCOMES, type PurchaseInput, type PurchaseResult } from './types.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Records a purchase in the engine's store (the store of `apiKey`'s mode) and raises its webhooks. */
export function purchase(engine: Engine, input: PurchaseInput, apiKey = ''): PurchaseResult {
  checkInput(input);
  const write = engine.context(apiKey);
  const outcome = input.outcome ?? 'paid';
  const paid = outcome === 'paid';
  const quantity = input.quantity ?? 1;
  const page = pageById(engine, input.pageId);
  const now = new Date(write.nowMs).toISOString();
  const change = engine.store.begin();
  const events: Array<[string, string, Resource, Resource?]> = [];

  const known = engine.store.find(CUSTOMERS, (c) => typeof c.email === 'string' && c.email.toLowerCase() === input.email.toLowerCase());
  const customer = known?.record ?? create(engine, change, CUSTOMERS, { email: input.email.toLowerCase(), name: input.name ?? null }, write);
  if (!known) events.push(['customer.created', CUSTOMERS, customer]);
  const buyer = { customerId: customer.id, customerEmail: customer.email, customerName: input.name ?? customer.name ?? null };
  const r = page.entry.record;
  const common = { ...buyer, pageId: r.id, pageSlug: r.slug, livemode: write.livemode };

  if (page.kind === 'form') {
    if (!paid) throw badRequest([{ param: 'outcome', message: 'a form takes no payment: only paid applies', value: outcome }]);
    const fields = formAnswers(engine, page.entry, input.answers ?? {}, input.email);
    const submission = create(engine, change, SUBMISSIONS, { ...common, formTitle: r.title ?? r.name ?? null, status: 'succeeded', fields }, write);
    update(change, page.key, page.entry, { submissionCount: Number(r.submissionCount ?? 0) + 1 }, write);
    change.commit();
    for (const e of events) engine.webhooks.raise(e[0], engine.model.collections.get(e[1])!, e[2]);
    engine.webhooks.raise('submission.created', engine.model.collections.get(SUBMISSIONS)!, submission);
    return { customer: shown(engine, CUSTOMERS, customer, write), submission: shown(engine, SUBMISSIONS, submission, write) };
  }

  const sale = page.kind === 'event' ? eventSale(engine, page, input, quantity, write) : checkoutSale(page, input, quantity);
  const coupon = input.couponCode
    ? couponFor(engine, input.couponCode, { pageId: r.id, ticketTypeId: sale.ticketType?.id, currency: sale.currency }, write.nowMs)
    : undefined;
  const money = amounts({ subtotal: sale.subtotal, bulkPercentOff: sale.bulkPercentOff, coupon: coupon?.record, fees: sale.fees, taxRates: taxRatesOf(engine, page) });
  const trialDays = Number((sale.price?.recurring as Resource | undefined)?.trialPeriodDays ?? (sale.price?.paymentPlan as Resource | undefined)?.trialPeriodDays ?? 0);
  const recurring = sale.price ? recurringOf(sale.price) : undefined;
  const charged = paid && !(recurring && trialDays > 0) ? money.amount : 0;
  const orderId = nextOrderId(engine);
  const status = paid ? 'paid' : outcome === 'failed' ? 'failed' : 'draft_expired';
  const charge = {
    ...common,
    orderId,
    status,
    orderStatus: 'active',
    currency: sale.currency,
    ...moneyFields(money, charged, paid),
    isAbandoned: !paid,
    abandonmentStatus: paid ? null : 'abandoned',
    paymentError: outcome === 'failed' ? 'Your card was declined.' : null,
    isComplimentary: false,
    coupon: coupon ? { id: coupon.id, code: coupon.record.code, label: coupon.record.label, amountOff: coupon.record.amountOff ?? null, percentOff: coupon.record.percentOff ?? null, discount: money.couponDiscount } : null,
    ...taxFields(money.taxLines),
    paymentMethod: paid ? { gateway: 'stripe', method: 'card', brand: 'visa', last4: '4242', country: 'US', funding: 'credit', mode: 'default', expMonth: 12, expYear: 2030 } : null,
  };
  const payment = create(engine, change, PAYMENTS, {
    ...charge,
    productId: sale.productId ?? null,
    productTitle: sale.productTitle ?? null,
    productPrice: sale.unit,
    priceId: sale.price?.id ?? null,
    quantity,
  }, write);
  events.push(['payment.created', PAYMENTS, payment]);

  let booking: Resource | undefined;
  const tickets: Resource[] = [];
  if (page.kind === 'event') {
    const { type, group } = sale.ticketType!;
    const t = type.record;
    booking = create(engine, change, BOOKINGS, {
      ...charge,
      eventTitle: r.title ?? r.name ?? null,
      ticketFeesAmount: money.fees,
      tickets: [{ ticketTypeId: t.id, ticketGroupId: group.id, ticketGroupName: group.record.name ?? null, ticketGroupReference: group.record.reference ?? null, ticketGroupCapacity: group.record.capacity ?? null, name: t.name, reference: t.reference ?? null, quantity, price: t.price, originalPrice: t.price, pricing: t.pricing ?? null, capacity: t.capacity ?? null, discount: null, fee: t.feeAmount ? { amount: t.feeAmount, name: null, totalAmount: t.feeAmount * quantity, display: null } : null }],
    }, write);
    events.push(['booking.created', BOOKINGS, booking]);
    if (paid) {
      for (let i = 0; i < quantity; i++) {
        const discountAmount = share(money.bulkDiscount, quantity, i);
        const couponAmount = share(money.couponDiscount, quantity, i);
        const taxAmount = share(money.exclusiveTax, quantity, i);
        const feeAmount = Number(t.feeAmount ?? 0);
        const ticket = create(engine, change, TICKETS, {
          ...buyer, ticketShortId: ticketShortId(), checkInCode: randomToken(16), status: 'PAID', orderId, bookingId: booking.id, pageId: r.id, ticketTypeId: t.id,
          attendeeEmail: customer.email, attendeeName: buyer.customerName, pricing: t.pricing ?? null, currency: sale.currency,
          originalPrice: t.price, discountAmount, couponAmount, complimentaryAmount: null, taxAmount, feeAmount,
          revenue: Number(t.price) - discountAmount - couponAmount + taxAmount + feeAmount,
          checkIns: [], metadata: [], livemode: write.livemode, orderedAt: now,
          seller: write.sellerId, charge: booking.id, page: r.id, ticketType: t.id, customer: customer.id,
        }, write);
        tickets.push(ticket);
        events.push(['ticket.created', TICKETS, ticket]);
      }
      const sold = Number(t.quantitySold ?? 0) + quantity;
      update(change, TICKET_TYPES, type, { quantitySold: sold, ...(typeof t.capacity === 'number' && sold >= t.capacity ? { availabilityStatus: 'sold_out' } : {}) }, write);
    }
  }
  if (paid) events.push(['payment.paid', PAYMENTS, payment]);
  else events.push(['payment.abandoned', PAYMENTS, payment]);
  if (booking) events.push([paid ? 'booking.paid' : 'booking.abandoned', BOOKINGS, booking]);

  let subscription: Resource | undefined;
  if (recurring && sale.price) {
    const trialEnd = trialDays > 0 ? addInterval(now, 'day', trialDays) : undefined;
    const subStatus = paid ? (trialEnd ? 'trialing' : 'active') : outcome === 'failed' ? 'incomplete' : 'draft_expired';
    subscription = create(engine, change, SUBSCRIPTIONS, {
      ...common, orderId, productId: sale.productId ?? null, productTitle: sale.productTitle ?? null, priceId: sale.price.id, couponId: coupon?.id ?? null,
      currency: sale.currency, amount: money.amount, productPrice: sale.unit, quantity, fees: [],
      interval: recurring.interval, intervalCount: recurring.intervalCount, ...(recurring.planIterations ? { planIterations: recurring.planIterations } : {}),
      startDate: now, currentPeriodStart: now, currentPeriodEnd: trialEnd ?? addInterval(now, recurring.interval, recurring.intervalCount),
      ...(trialEnd ? { trialStart: now, trialEnd } : {}),
      status: subStatus, paymentStatus: paid ? 'paid' : 'requires_payment_method', cancelAtPeriodEnd: false, isAbandoned: !paid, abandonmentStatus: paid ? null : 'abandoned',
      couponSnapshot: coupon ? { ...coupon.record } : null, paymentMethod: charge.paymentMethod, ...taxFields(money.taxLines),
    }, write);
    if (paid) {
      create(engine, change, SUBSCRIPTION_PAYMENTS, {
        subscriptionId: subscription.id, ...buyer, pageId: r.id, pageSlug: r.slug, productId: sale.productId, productTitle: sale.productTitle,
        amount: charged, currency: sale.currency, billingReason: 'subscription_create', invoiceStatus: 'paid', paymentStatus: 'succeeded',
        paid: true, refunded: false, partiallyRefunded: false, livemode: write.livemode, paymentMethod: charge.paymentMethod,
      }, write);
    }
    events.push(['subscription.created', SUBSCRIPTIONS, subscription]);
    events.push([`subscription.${paid ? subStatus : 'abandoned'}`, SUBSCRIPTIONS, subscription]);
  }
  if (paid && coupon) update(change, '/v1/coupons', coupon, { timesRedeemed: Number(coupon.record.timesRedeemed ?? 0) + 1 }, write);
  change.commit();
  for (const [event, key, record] of events) engine.webhooks.raise(event, engine.model.collections.get(key)!, record, event.endsWith('.abandoned') ? { recoveryUrl: null } : {});

  return {
    customer: shown(engine, CUSTOMERS, customer, write),
    payment: shown(engine, PAYMENTS, payment, write),
    ...(booking ? { booking: shown(engine, BOOKINGS, booking, write), tickets: tickets.map((t) => shown(engine, TICKETS, t, write)) } : {}),
    ...(subscription ? { subscription: shown(engine, SUBSCRIPTIONS, subscription, write) } : {}),
  };
}

function checkInput(input: PurchaseInput): void {
  if (!input || typeof input !== 'object') throw badRequest([{ param: 'body', message: 'must be an object' }]);
  const errors = [];
  if (typeof input.pageId !== 'string' || !input.pageId) errors.push({ param: 'pageId', message: 'is required' });
  if (typeof input.email !== 'string' || !EMAIL.test(input.email)) errors.push({ param: 'email', message: 'must be an email address', value: input.email });
  if (input.quantity !== undefined && (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > 1000)) errors.push({ param: 'quantity', message: 'must be an integer from 1 to 1000', value: input.quantity });
  if (input.outcome !== undefined && !OUTCOMES.includes(input.outcome)) errors.push({ param: 'outcome', message: `must be one of ${OUTCOMES.join(', ')}`, value: input.outcome });
  for (const name of ['name', 'priceId', 'ticketTypeId', 'couponCode'] as const) {
    if (input[name] !== undefined && typeof input[name] !== 'string') errors.push({ param: name, message: 'must be a string', value: input[name] });
  }
  if (input.answers !== undefined && (typeof input.answers !== 'object' || input.answers === null || Array.isArray(input.answers))) errors.push({ param: 'answers', message: 'must be an object of field id to answer' });
  if (errors.length) throw badRequest(errors);
}

interface Sale {
  currency: string;
  unit: number;
  subtotal: number;
  fees: number;
  bulkPercentOff?: number;
  price?: Resource;
  productId?: string;
  productTitle?: string;
  ticketType?: { type: Entry; group: Entry; id: string };
}

function checkoutSale(page: Page, input: PurchaseInput, quantity: number): Sale {
  const r = page.entry.record;
  const price = priceOf(r, input.priceId);
  const unit = Number(price.amount ?? 0);
  const setupFee = typeof price.setupFee === 'number' ? price.setupFee * (price.setupFeeMultipliesWithQuantity ? quantity : 1) : 0;
  const product = r.product as Resource | undefined;
  return { currency: String(price.currency ?? 'usd'), unit, subtotal: unit * quantity + setupFee, fees: 0, price, productId: (r.productId ?? product?.id) as string, productTitle: (product?.title ?? r.name) as string };
}

function eventSale(engine: Engine, page: Page, input: PurchaseInput, quantity: number, write: WriteContext): Sale {
  const choice = ticketTypeOf(engine, page.entry, input.ticketTypeId, quantity, write.nowMs);
  const t = choice.type.record;
  const unit = Number(t.price ?? 0);
  const currency = String((page.entry.record.eventDetails as Resource | undefined)?.currency ?? 'usd');
  return { currency, unit, subtotal: unit * quantity, fees: Number(t.feeAmount ?? 0) * quantity, bulkPercentOff: bulkPercentOff(page.entry.record, String(t.id), quantity), ticketType: { ...choice, id: String(t.id) } };
}

/** A price's billing cycle: a recurring price's, or a payment plan's (with its number of payments). */
export function recurringOf(price: Resource): { interval: string; intervalCount: number; planIterations?: number } | undefined {
  const cycle = (price.paymentPlan ?? price.recurring) as Resource | null | undefined;
  if (!cycle || (price.billingType !== 'recurring' && !price.paymentPlan)) return undefined;
  return { interval: String(cycle.interval ?? 'month'), intervalCount: Number(cycle.intervalCount ?? 1), ...(cycle.planIterations ? { planIterations: Number(cycle.planIterations) } : {}) };
}

/** A charge's money fields: a paid trial charges nothing today, an unpaid charge is all due. */
function moneyFields(money: Amounts, charged: number, paid: boolean): Resource {
  const amount = paid ? charged : money.amount;
  const taxAmount = amount === 0 ? 0 : money.taxAmount;
  return {
    amount,
    amountPaid: paid ? charged : 0,
    amountDue: paid ? 0 : money.amount,
    amountRefunded: 0,
    amountExcludingTax: amount - taxAmount,
    taxAmount,
    discount: money.bulkDiscount ? { amount: money.bulkDiscount, amountOff: null, percentOff: null, minQuantity: null, maxQuantity: null } : null,
  };
}
