// Purchases in the sandbox, as an integrator's test meets them: each purchase is read back through
// the public API (the project's client on sandbox.fetch, every answer checked against the spec),
// and its webhooks arrive at a receiver that verifies each delivery with constructWebhookEvent.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/sandbox/index.ts';
import { PURCHASE_EVENTS, startReceiver, type Receiver } from './receiver.ts';
import { checkedSandbox, failure, raw, type Checked } from './support.ts';

const EVENT = '6650a1b2c3d4e5f6a7b8c901'; // Lisbon Product Summit 2026 (published)
const CONFERENCE_GROUP = '6650a1b2c3d4e5f6a7b8c910';
const CONFERENCE_PASS = '6650a1b2c3d4e5f6a7b8c921'; // 120.00 EUR + 2.50 fee, 184 of 250 sold, on sale 2026-03-01..2026-06-10
const WORKSHOP = '6630b3a8c4e8a91d2f7b3a22'; // checkout page, one-time 200.00 GBP
const MEMBERSHIP = '6630b4d1c4e8a91d2f7b3a40'; // checkout page, 15.00 GBP a month after a 14-day trial
const FORM = '6630b6f3c4e8a91d2f7b3a60';
const SPRING10 = '66a1c0f4b2d3e4f5a6b7c8d9'; // 10% off the workshop, redeemBy 2026-05-31, 42 redeemed

let receiver: Receiver;
let s: Checked;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  // Within the conference pass's sale window and before SPRING10 expires.
  s = checkedSandbox({ now: () => Date.parse('2026-05-01T10:00:00.000Z'), webhookRetryDelaysMs: [] });
  receiver.events.length = 0;
  receiver.problems.length = 0;
  const endpoint = await s.client.webhooks.create({ name: 'Purchases', url: receiver.url, events: [...PURCHASE_EVENTS] });
  receiver.secret = endpoint.secret;
});
afterEach(async () => {
  await s.sandbox.webhooksSettled(); // none of this test's deliveries may reach the next test's receiver
  expect(s.problems).toEqual([]);
  expect(receiver.problems).toEqual([]);
});

/**
 * The events received so far about one buyer's records (the clock also renews the seeded
 * subscriptions, whose events reach the same endpoint), in the order they arrived.
 */
async function received(email?: string): Promise<string[]> {
  await s.sandbox.webhooksSettled();
  return receiver.events.filter((e) => !email || JSON.stringify(e.data).includes(`"${email}"`)).map((e) => e.event);
}

describe('an event purchase', () => {
  it('makes one booking and two tickets that validate, takes two seats, and sends its events in order', async () => {
    const result = s.sandbox.purchase({ pageId: EVENT, email: 'rita@example.com', name: 'Rita Lopes', ticketTypeId: CONFERENCE_PASS, quantity: 2 });
    expect(await received()).toEqual([
      'customer.created', 'payment.created', 'booking.created', 'ticket.created', 'ticket.created', 'payment.paid', 'booking.paid',
    ]);

    const booking = await s.client.bookings.get(result.booking!.id);
    expect(booking).toMatchObject({ status: 'paid', customerEmail: 'rita@example.com', currency: 'eur', amount: 2 * 12000 + 2 * 250, ticketFeesAmount: 500 });
    expect(booking.tickets?.[0]).toMatchObject({ ticketTypeId: CONFERENCE_PASS, quantity: 2 });
    const payment = await s.client.payments.get(result.payment!.id);
    expect(payment).toMatchObject({ status: 'paid', amount: 24500, amountPaid: 24500, amountDue: 0, orderId: booking.orderId, customerId: result.customer.id });
    expect((await s.client.customers.get(result.customer.id)).email).toBe('rita@example.com');

    const tickets = (await s.client.tickets.list({ orderId: booking.orderId! })).data;
    expect(tickets).toHaveLength(2);
    for (const ticket of tickets) {
      expect(ticket).toMatchObject({ bookingId: booking.id, status: 'PAID', originalPrice: 12000, feeAmount: 250, revenue: 12250 });
      const check = await s.client.tickets.validate(ticket.checkInCode);
      expect(check.success).toBe(true);
    }
    const type = await s.client.events.getTicketType(EVENT, CONFERENCE_GROUP, CONFERENCE_PASS);
    expect(type.quantitySold).toBe(186);

    // The webhooks carry the same records.
    const [, , bookingCreated, ticket1] = receiver.events;
    expect(bookingCreated?.event === 'booking.created' && bookingCreated.data.booking.id).toBe(booking.id);
    expect(ticket1?.event === 'ticket.created' && ticket1.data.ticket.checkInCode).toBe(tickets.find((t) => t.id === result.tickets![0]!.id)!.checkInCode);
  });

  it('refuses more seats than remain (409), closed sales (409) and a quantity above the per-order limit (400)', async () => {
    await s.client.events.updateTicketType(EVENT, CONFERENCE_GROUP, CONFERENCE_PASS, { capacity: 185 });
    const soldOut = await raw(s, 'POST', '/_sandbox/purchases', { body: { pageId: EVENT, email: 'a@example.com', ticketTypeId: CONFERENCE_PASS, quantity: 2 } });
    expect(soldOut.status).toBe(409);
    expect(soldOut.body.message).toMatch(/sold out/i);
    expect(() => s.sandbox.purchase({ pageId: EVENT, email: 'a@example.com', ticketTypeId: CONFERENCE_PASS, quantity: 9 })).toThrow(ApiError);
    s.sandbox.advanceClock({ to: '2026-06-11T00:00:00.000Z' });
    const closed = await raw(s, 'POST', '/_sandbox/purchases', { body: { pageId: EVENT, email: 'a@example.com', ticketTypeId: CONFERENCE_PASS } });
    expect(closed).toMatchObject({ status: 409, body: { message: 'This ticket type is not on sale' } });
    expect((await s.client.events.getTicketType(EVENT, CONFERENCE_GROUP, CONFERENCE_PASS)).quantitySold).toBe(184);
    expect(await received('a@example.com')).toEqual([]);
  });

  it('leaves a failed payment with its abandoned events, and issues nothing', async () => {
    const result = s.sandbox.purchase({ pageId: EVENT, email: 'b@example.com', ticketTypeId: CONFERENCE_PASS, outcome: 'failed' });
    expect(await received()).toEqual(['customer.created', 'payment.created', 'booking.created', 'payment.abandoned', 'booking.abandoned']);
    expect(await s.client.payments.get(result.payment!.id)).toMatchObject({ status: 'failed', isAbandoned: true, abandonmentStatus: 'abandoned', amountPaid: 0, amountDue: 12250 });
    expect((await s.client.payments.list({ abandonmentStatus: 'abandoned' })).data.map((p) => p.id)).toContain(result.payment!.id);
    expect(result.tickets).toEqual([]);
    expect((await s.client.events.getTicketType(EVENT, CONFERENCE_GROUP, CONFERENCE_PASS)).quantitySold).toBe(184);
  });
});

describe('a checkout page purchase', () => {
  it('over HTTP: answers 201, finds the customer by email, applies the coupon and redeems it', async () => {
    const answer = await raw(s, 'POST', '/_sandbox/purchases', { body: { pageId: WORKSHOP, email: 'Jane.Doe@example.com', quantity: 2, couponCode: 'spring10' } });
    expect(answer.status).toBe(201);
    const { customer, payment } = answer.body.data;
    expect(customer.id).toBe('6812fe6e9f39b6760576f01c'); // the seeded Jane Doe: no new customer
    expect(await received()).toEqual(['payment.created', 'payment.paid']);
    expect(await s.client.payments.get(payment.id)).toMatchObject({
      amount: 36000, // 2 × 200.00, less 10%
      currency: 'gbp', quantity: 2, productPrice: 20000, coupon: { code: 'SPRING10', discount: 4000 }, status: 'paid',
    });
    expect((await s.client.payments.list({ couponCode: 'SPRING10' })).data.map((p) => p.id)).toContain(payment.id);
    expect((await s.client.coupons.list()).data.find((c) => c.id === SPRING10)?.timesRedeemed).toBe(43);
  });

  it('enforces a coupon’s maxRedemptions and redeemBy', async () => {
    await s.client.coupons.update(SPRING10, { maxRedemptions: 42 });
    const full = await raw(s, 'POST', '/_sandbox/purchases', { body: { pageId: WORKSHOP, email: 'c@example.com', couponCode: 'SPRING10' } });
    expect(full).toMatchObject({ status: 400, body: { errors: [{ param: 'couponCode', message: 'has reached its maxRedemptions' }] } });
    await s.client.coupons.update(SPRING10, { maxRedemptions: null });
    s.sandbox.advanceClock({ to: '2026-06-01T00:00:00.000Z' });
    const late = await raw(s, 'POST', '/_sandbox/purchases', { body: { pageId: WORKSHOP, email: 'c@example.com', couponCode: 'SPRING10' } });
    expect(late).toMatchObject({ status: 400, body: { errors: [{ param: 'couponCode', message: 'has expired (redeemBy has passed)' }] } });
    expect((await s.client.coupons.list()).data.find((c) => c.id === SPRING10)?.timesRedeemed).toBe(42);
  });

  it('charges a page’s fixed tax rate on top of the discounted price', async () => {
    // The workshop's product charges the exclusive 20% VAT once the page's tax mode is fixed.
    await s.client.checkoutPages.update(WORKSHOP, { tax: { enabled: true, mode: 'fixed' } } as never);
    await s.client.products.update('6630b3a8c4e8a91d2f7b3a23', { fixedTaxRateIds: ['6632f1a0b9c8d7e6f5a4b3e1'] });
    const { payment } = s.sandbox.purchase({ pageId: WORKSHOP, email: 'd@example.com', couponCode: 'SPRING10' });
    expect(await s.client.payments.get(payment!.id)).toMatchObject({
      amount: 21600, // 200.00 less 10% = 180.00, plus 20%
      taxAmount: 3600, amountExcludingTax: 18000, taxSource: 'fixed_tax_rate',
      taxBreakdown: [{ taxAmount: 3600, taxableAmount: 18000 }],
    });
  });

  it('an abandoned checkout stays a draft_expired payment with payment.abandoned', async () => {
    const { payment } = s.sandbox.purchase({ pageId: WORKSHOP, email: 'e@example.com', outcome: 'abandoned' });
    expect(await received()).toEqual(['customer.created', 'payment.created', 'payment.abandoned']);
    expect(await s.client.payments.get(payment!.id)).toMatchObject({ status: 'draft_expired', isAbandoned: true });
  });
});

describe('a recurring purchase and the store’s clock', () => {
  it('starts a trial, then charges each period as the clock moves', async () => {
    const { subscription, payment } = s.sandbox.purchase({ pageId: MEMBERSHIP, email: 'f@example.com' });
    expect(await received()).toEqual(['customer.created', 'payment.created', 'payment.paid', 'subscription.created', 'subscription.trialing']);
    expect(payment).toMatchObject({ amount: 0, status: 'paid' }); // nothing is charged during the trial
    expect(await s.client.subscriptions.get(subscription!.id)).toMatchObject({ status: 'trialing', trialEnd: '2026-05-15T10:00:00.000Z', interval: 'month' });

    await received();
    receiver.events.length = 0;
    const clock = await raw(s, 'POST', '/_sandbox/clock', { body: { days: 14 } });
    expect(clock).toMatchObject({ status: 200, body: { data: { now: '2026-05-15T10:00:00.000Z', offsetMs: 14 * 86_400_000 } } });
    expect(await received('f@example.com')).toEqual(['subscription.active', 'payment.created', 'payment.paid']);
    expect(await s.client.subscriptions.get(subscription!.id)).toMatchObject({ status: 'active', currentPeriodStart: '2026-05-15T10:00:00.000Z', currentPeriodEnd: '2026-06-15T10:00:00.000Z' });

    receiver.events.length = 0;
    s.sandbox.advanceClock({ to: '2026-06-15T10:00:00.000Z' }); // one period
    expect(await received('f@example.com')).toEqual(['payment.created', 'payment.paid']);
    const renewal = receiver.events.filter((e) => JSON.stringify(e.data).includes('f@example.com'))[1];
    expect(renewal?.event === 'payment.paid' && renewal.data.payment).toMatchObject({ amount: 1500, status: 'paid', orderId: subscription!.orderId, createdAt: '2026-06-15T10:00:00.000Z' });
    const charges = (await s.client.subscriptionPayments.list({ subscriptionId: subscription!.id })).data;
    expect(charges.map((c) => [c.billingReason, c.amount])).toEqual(
      expect.arrayContaining([['subscription_create', 0], ['subscription_cycle', 1500], ['subscription_cycle', 1500]]),
    );
    expect((await s.client.payments.list({ orderId: subscription!.orderId! })).data).toHaveLength(3);
    expect((await raw(s, 'GET', '/_sandbox/clock')).body.data.now).toBe('2026-06-15T10:00:00.000Z');
  });

  it('ends a subscription canceled at period end when the period ends', async () => {
    const { subscription } = s.sandbox.purchase({ pageId: MEMBERSHIP, email: 'g@example.com' });
    await s.client.subscriptions.cancel(subscription!.id, { cancelAtPeriodEnd: true });
    s.sandbox.advanceClock({ days: 30 });
    expect(await received('g@example.com')).toEqual(['customer.created', 'payment.created', 'payment.paid', 'subscription.created', 'subscription.trialing', 'subscription.canceled']);
    expect(await s.client.subscriptions.get(subscription!.id)).toMatchObject({ status: 'canceled', canceledAt: '2026-05-15T10:00:00.000Z' });
  });

  it('ends a subscription at its cancelAt, and leaves what fell due before the store’s time as it is', async () => {
    const { subscription } = s.sandbox.purchase({ pageId: MEMBERSHIP, email: 'k@example.com' });
    await s.client.subscriptions.cancel(subscription!.id, { cancelAt: '2026-05-10T00:00:00.000Z' });
    s.sandbox.advanceClock({ to: '2026-05-12T00:00:00.000Z' });
    expect(await received('k@example.com')).toEqual(['customer.created', 'payment.created', 'payment.paid', 'subscription.created', 'subscription.trialing', 'subscription.canceled']);
    expect(await s.client.subscriptions.get(subscription!.id)).toMatchObject({ status: 'canceled', canceledAt: '2026-05-10T00:00:00.000Z' });
    // A seeded trial ended on 2026-04-04, before the store's time: it is not caught up on.
    const seeded = '6818a2b39f39b6760576f610';
    expect(await s.client.subscriptions.get(seeded)).toMatchObject({ status: 'trialing', trialEnd: '2026-04-04T17:45:03.000Z' });
    s.sandbox.advanceClock({ days: 1 });
    expect((await s.client.subscriptions.get(seeded)).status).toBe('trialing');
    expect((await s.client.subscriptionPayments.list({ subscriptionId: seeded })).total).toBe(0);
  });

  it('completes a payment plan after its last payment', async () => {
    const page = await s.client.checkoutPages.create({
      name: 'Course in three payments',
      productData: { title: 'Course', prices: [{ amount: 9900, currency: 'gbp', billingType: 'recurring', paymentPlan: { interval: 'month', intervalCount: 1, planIterations: 3 } }] },
    } as never);
    const { subscription } = s.sandbox.purchase({ pageId: page.id, email: 'h@example.com' });
    expect(subscription).toMatchObject({ status: 'active', planIterations: 3 });
    s.sandbox.advanceClock({ days: 100 });
    expect(await received('h@example.com')).toEqual([
      'customer.created', 'payment.created', 'payment.paid', 'subscription.created', 'subscription.active',
      'payment.created', 'payment.paid', 'payment.created', 'payment.paid', 'subscription.completed',
    ]);
    expect((await s.client.subscriptions.get(subscription!.id)).status).toBe('completed');
  });
});

describe('a form submission', () => {
  it('stores the answers checked against the form’s fields', async () => {
    const { submission, payment } = s.sandbox.purchase({
      pageId: FORM, email: 'i@example.com', answers: { '6630b6f3c4e8a91d2f7b3a61': 'Ines Mota', '6630b6f3c4e8a91d2f7b3a64': 'positioning' },
    });
    expect(payment).toBeUndefined();
    expect(await received()).toEqual(['customer.created', 'submission.created']);
    const stored = await s.client.submissions.get(submission!.id);
    expect(stored.fields?.map((f) => [f.fieldId, f.value])).toEqual([
      ['6630b6f3c4e8a91d2f7b3a61', 'Ines Mota'], ['6630b6f3c4e8a91d2f7b3a62', 'i@example.com'], ['6630b6f3c4e8a91d2f7b3a64', 'positioning'],
    ]);
    const bad = await raw(s, 'POST', '/_sandbox/purchases', { body: { pageId: FORM, email: 'i@example.com', answers: { '6630b6f3c4e8a91d2f7b3a64': 'colour' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { param: 'answers.6630b6f3c4e8a91d2f7b3a61', message: 'is required (Full name)' },
      { param: 'answers.6630b6f3c4e8a91d2f7b3a64', message: 'must be one of positioning, visual-identity, messaging, not-sure', value: 'colour' },
    ]);
  });

  it('refuses an unknown page (404) and a bad body (400), naming the field', async () => {
    expect((await raw(s, 'POST', '/_sandbox/purchases', { body: { pageId: '0123456789abcdef01234567', email: 'j@example.com' } })).status).toBe(404);
    const bad = await raw(s, 'POST', '/_sandbox/purchases', { body: { pageId: WORKSHOP, email: 'nope', quantity: 0 } });
    expect(bad.body.errors.map((e: { param: string }) => e.param)).toEqual(['email', 'quantity']);
    const error = await failure(s.client.payments.get('0123456789abcdef01234567'));
    expect(error.status).toBe(404);
  });
});
