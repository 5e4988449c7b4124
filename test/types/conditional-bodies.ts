// Type-level tests of request bodies whose fields depend on each other: the generated types must
// reject the combinations the API rejects. Checked by `tsc -p tsconfig.json`
// (test/project/typecheck.test.ts); never executed. Each invalid body is on ONE line, under its own
// expect-error directive, and differs from a valid body of the same section only by the rule it
// breaks, so the directive cannot be satisfied by an unrelated error.
import type { components } from '../../generated/schema.js';
import type { CheckoutPageClient } from '../../src/index.ts';

// =================================================================================================
// Coupons (createCoupon) and subscriptions (cancelSubscription)
// =================================================================================================

type CreateCouponRequest = components['schemas']['CreateCouponRequest'];
type CancelSubscriptionRequest = components['schemas']['CancelSubscriptionRequest'];

export function couponBodies(): CreateCouponRequest[] {
  // Valid: a fixed amount with its currency, for three months.
  const amountRepeating: CreateCouponRequest = { label: '£5 off', code: 'WELCOME5', amountOff: 500, currency: 'gbp', duration: 'repeating', durationInMonths: 3 };
  // Valid: a percentage (no currency), once.
  const percentOnce: CreateCouponRequest = { label: '10% off', code: 'SPRING10', percentOff: 10, duration: 'once' };
  // Valid: a percentage, forever, with the optional fields.
  const percentForever: CreateCouponRequest = {
    label: 'Staff discount',
    code: 'STAFF_25',
    percentOff: 25,
    duration: 'forever',
    appliesToSetupFee: true,
    appliesToTicketFees: false,
    maxRedemptions: 10,
    redeemBy: '2026-12-31T23:59:59Z',
    pageIds: ['6630b4d1c4e8a91d2f7b3a40'],
  };
  // Valid: a fixed amount, once.
  const amountOnce: CreateCouponRequest = { label: '$20 off', code: 'TWENTY', amountOff: 2000, currency: 'usd', duration: 'once' };

  // @ts-expect-error -- amountOff and percentOff together
  const bothDiscounts: CreateCouponRequest = { label: '£5 off', code: 'WELCOME5', amountOff: 500, currency: 'gbp', percentOff: 10, duration: 'once' };
  // @ts-expect-error -- currency is not allowed with percentOff
  const percentWithCurrency: CreateCouponRequest = { label: '10% off', code: 'SPRING10', percentOff: 10, currency: 'gbp', duration: 'once' };
  // @ts-expect-error -- amountOff needs its currency
  const amountWithoutCurrency: CreateCouponRequest = { label: '$20 off', code: 'TWENTY', amountOff: 2000, duration: 'once' };
  // @ts-expect-error -- neither amountOff nor percentOff
  const noDiscount: CreateCouponRequest = { label: '10% off', code: 'SPRING10', duration: 'once' };
  // @ts-expect-error -- duration repeating needs durationInMonths
  const repeatingWithoutMonths: CreateCouponRequest = { label: '£5 off', code: 'WELCOME5', amountOff: 500, currency: 'gbp', duration: 'repeating' };
  // @ts-expect-error -- durationInMonths is not allowed with duration once
  const onceWithMonths: CreateCouponRequest = { label: '10% off', code: 'SPRING10', percentOff: 10, duration: 'once', durationInMonths: 3 };
  // @ts-expect-error -- durationInMonths is not allowed with duration forever
  const foreverWithMonths: CreateCouponRequest = { label: '10% off', code: 'SPRING10', percentOff: 10, duration: 'forever', durationInMonths: 3 };
  // @ts-expect-error -- currency must be one of the coupon currencies
  const unknownCurrency: CreateCouponRequest = { label: '$20 off', code: 'TWENTY', amountOff: 2000, currency: 'xyz', duration: 'once' };

  return [amountRepeating, percentOnce, percentForever, amountOnce, bothDiscounts, percentWithCurrency, amountWithoutCurrency, noDiscount, repeatingWithoutMonths, onceWithMonths, foreverWithMonths, unknownCurrency];
}

export function cancelSubscriptionBodies(): CancelSubscriptionRequest[] {
  // Valid: exactly one timing field, with or without the optional fields.
  const immediately: CancelSubscriptionRequest = { cancelImmediately: true, reason: 'Duplicate subscription' };
  const atPeriodEnd: CancelSubscriptionRequest = { cancelAtPeriodEnd: true, sendCancellationEmail: true };
  const onDate: CancelSubscriptionRequest = { cancelAt: '2026-06-16T09:30:12Z', reason: 'Moving abroad', sendCancellationEmail: false };

  // @ts-expect-error -- no timing field
  const noTiming: CancelSubscriptionRequest = { reason: 'Duplicate subscription' };
  // @ts-expect-error -- two timing fields: cancelImmediately and cancelAtPeriodEnd
  const immediatelyAndAtPeriodEnd: CancelSubscriptionRequest = { cancelImmediately: true, cancelAtPeriodEnd: true, reason: 'Duplicate subscription' };
  // @ts-expect-error -- two timing fields: cancelAtPeriodEnd and cancelAt
  const atPeriodEndAndOnDate: CancelSubscriptionRequest = { cancelAtPeriodEnd: true, cancelAt: '2026-06-16T09:30:12Z' };
  // @ts-expect-error -- the timing flags only take `true`
  const immediatelyFalse: CancelSubscriptionRequest = { cancelImmediately: false, reason: 'Duplicate subscription' };

  return [immediately, atPeriodEnd, onDate, noTiming, immediatelyAndAtPeriodEnd, atPeriodEndAndOnDate, immediatelyFalse];
}

// The same rules hold through the typed client.
export async function couponAndCancelCalls(client: CheckoutPageClient) {
  const subscriptionId = '6814b7e29f39b6760576f2c1';
  await client.POST('/v1/coupons', { body: { label: '10% off', code: 'SPRING10', percentOff: 10, duration: 'once' } });
  // @ts-expect-error -- percentOff with currency
  await client.POST('/v1/coupons', { body: { label: '10% off', code: 'SPRING10', percentOff: 10, currency: 'gbp', duration: 'once' } });
  await client.POST('/v1/subscriptions/{subscriptionId}/cancel', { params: { path: { subscriptionId } }, body: { cancelAtPeriodEnd: true } });
  // @ts-expect-error -- no timing field
  await client.POST('/v1/subscriptions/{subscriptionId}/cancel', { params: { path: { subscriptionId } }, body: { sendCancellationEmail: true } });
}
