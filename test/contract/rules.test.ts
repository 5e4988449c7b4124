// The rules that tie request fields together (coupon discount kinds, one cancellation timing, free
// bookings, field element and type, ticket-group sale windows, price schedules, bulk discounts)
// hold in the mock too: Prism answers a body that breaks one with 400 and the same body without
// the breakage with its 2xx. Raw fetch on purpose: the typed client would not compile the broken
// bodies (test/types/).
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { prismReady } from '../support/prism.ts';

const baseUrl = inject('prismUrl');
const pageId = '6650a1b2c3d4e5f6a7b8c901';
const tickets = { '6650a1b2c3d4e5f6a7b8c921': 1 };
const fields = [{ fieldId: '6650a1b2c3d4e5f6a7b8c931', value: 'ana.costa@example.com' }];
const productId = '6630b3a8c4e8a91d2f7b3a23';

interface Rule {
  name: string;
  method: string;
  path: string;
  valid: Record<string, unknown>;
  invalid: Record<string, unknown>;
}

const rules: Rule[] = [
  { name: 'a coupon with amountOff and percentOff', method: 'POST', path: '/v1/coupons', valid: { label: '£5 off', code: 'WELCOME5', amountOff: 500, currency: 'gbp', duration: 'once' }, invalid: { label: '£5 off', code: 'WELCOME5', amountOff: 500, currency: 'gbp', percentOff: 10, duration: 'once' } },
  { name: 'a percent coupon with a currency', method: 'POST', path: '/v1/coupons', valid: { label: '10% off', code: 'SPRING10', percentOff: 10, duration: 'once' }, invalid: { label: '10% off', code: 'SPRING10', percentOff: 10, currency: 'gbp', duration: 'once' } },
  { name: 'durationInMonths with duration once', method: 'POST', path: '/v1/coupons', valid: { label: '10% off', code: 'SPRING10', percentOff: 10, duration: 'repeating', durationInMonths: 3 }, invalid: { label: '10% off', code: 'SPRING10', percentOff: 10, duration: 'once', durationInMonths: 3 } },
  { name: 'two cancellation timings', method: 'POST', path: '/v1/subscriptions/6814b7e29f39b6760576f2c1/cancel', valid: { cancelAtPeriodEnd: true }, invalid: { cancelAtPeriodEnd: true, cancelAt: '2026-06-16T09:30:12Z' } },
  { name: 'a complimentary booking with a coupon', method: 'POST', path: '/v1/bookings', valid: { eventId: pageId, tickets, fields, complimentary: true }, invalid: { eventId: pageId, tickets, fields, complimentary: true, couponId: '66b2d1e5c3f4a5b6c7d8e9f0' } },
  { name: 'a checkbox field with a type', method: 'POST', path: `/v1/events/${pageId}/fields`, valid: { label: 'I accept the terms', element: 'checkbox' }, invalid: { label: 'I accept the terms', element: 'checkbox', type: 'email' } },
  { name: 'a price with a subscription and a payment plan', method: 'PATCH', path: `/v1/products/${productId}`, valid: { prices: [{ amount: 2900, billingType: 'recurring', recurring: { interval: 'month' } }] }, invalid: { prices: [{ amount: 2900, billingType: 'recurring', recurring: { interval: 'month' }, paymentPlan: { planIterations: 3 } }] } },
  { name: 'a one_time price with a schedule', method: 'PATCH', path: `/v1/products/${productId}`, valid: { prices: [{ amount: 2900, billingType: 'recurring', recurring: { interval: 'month' } }] }, invalid: { prices: [{ amount: 2900, billingType: 'one_time', recurring: { interval: 'month' } }] } },
  { name: 'a pay-what-you-want payment plan', method: 'PATCH', path: `/v1/products/${productId}`, valid: { price: { amount: 9900, paymentPlan: { planIterations: 3 }, payWhatYouWant: false } }, invalid: { price: { amount: 9900, paymentPlan: { planIterations: 3 }, payWhatYouWant: true } } },
  { name: 'explicit null schedules on a one-time price (accepted)', method: 'PATCH', path: `/v1/products/${productId}`, valid: { prices: [{ amount: 2000, billingType: 'one_time', recurring: null, paymentPlan: null }] }, invalid: { prices: [{ amount: 2000, billingType: 'one_time', recurring: { interval: 'month' }, paymentPlan: null }] } },
  { name: 'a bulk discount with amountOff and percentOff', method: 'PATCH', path: `/v1/products/${productId}`, valid: { discounts: [{ quantityCondition: 'checkout_quantity', minQuantity: 3, amountOff: 500, percentOff: null }] }, invalid: { discounts: [{ quantityCondition: 'checkout_quantity', minQuantity: 3, amountOff: 500, percentOff: 10 }] } },
  { name: 'a date-based ticket group without sale dates', method: 'POST', path: `/v1/events/${pageId}/ticket-groups`, valid: { name: 'Workshops', availabilityBehavior: 'date_time_based', saleStartOn: '2026-05-15T08:00:00.000Z' }, invalid: { name: 'Workshops', availabilityBehavior: 'date_time_based' } },
];

const send = (rule: Rule, body: unknown) =>
  fetch(`${baseUrl}${rule.path}`, {
    method: rule.method,
    headers: { Authorization: 'Bearer sk_test_rules', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(() => prismReady()); // the run starts Prism without waiting for it

describe.each(rules)('the mock enforces: $name', (rule) => {
  it('accepts the valid body', async () => {
    const response = await send(rule, rule.valid);
    expect(response.status, response.headers.get('sl-violations') ?? '').toBeLessThan(300);
  });

  it('rejects the body that breaks the rule with 400', async () => {
    const response = await send(rule, rule.invalid);
    expect(response.status).toBe(400);
    await response.body?.cancel();
  });
});
