// Type-level tests of the price and product inputs (a product's `prices` and `price`, its variants
// and bulk discounts): the generated types must reject the combinations the API
// rejects, and accept explicit nulls where the API does. Checked by `tsc -p tsconfig.json`
// (test/project/typecheck.test.ts); never executed. Each invalid body is on ONE line, under its own
// expect-error directive, and differs from a valid body of the same section only by the rule it
// breaks, so the directive cannot be satisfied by an unrelated error.
import type { components } from '../../generated/schema.js';
import type { CheckoutPageClient } from '../../src/index.ts';

type PriceInput = components['schemas']['PriceInput'];
type SinglePriceInput = components['schemas']['SinglePriceInput'];
type ProductDiscountInput = components['schemas']['ProductDiscountInput'];
type UpdateProductRequest = components['schemas']['UpdateProductRequest'];

// =================================================================================================
// One entry of `prices` (PriceInput): one-time, subscription or payment plan
// =================================================================================================

export function priceBodies(): PriceInput[] {
  // Valid: a one-time price, with and without explicit nulls for the schedules (what a read-modify-write sends back).
  const oneTime: PriceInput = { amount: 20000, billingType: 'one_time', currency: 'gbp', label: 'Standard' };
  const oneTimeNulls: PriceInput = { amount: 20000, billingType: 'one_time', currency: 'gbp', recurring: null, paymentPlan: null };
  // Valid: pay what you want, one-time.
  const payWhatYouWant: PriceInput = { amount: 500, billingType: 'one_time', currency: 'gbp', payWhatYouWant: true, pwywSuggestedPrice: 1500 };
  // Valid: a subscription, also pay what you want, with a trial and an anchor.
  const subscription: PriceInput = { amount: 2900, billingType: 'recurring', currency: 'gbp', recurring: { interval: 'month', intervalCount: 1, trialPeriodDays: 14, billingCycleAnchorConfig: { enabled: true, dayOfMonth: 1, month: null } }, payWhatYouWant: true, paymentPlan: null };
  // Valid: a payment plan of three monthly charges.
  const paymentPlan: PriceInput = { amount: 9900, billingType: 'recurring', currency: 'gbp', paymentPlan: { planIterations: 3, interval: 'month' }, payWhatYouWant: false, recurring: null };
  // Valid: an existing recurring price sent again by id without its schedule.
  const existing: PriceInput = { id: '6630b4d1c4e8a91d2f7b3a42', amount: 2900, billingType: 'recurring', label: 'Monthly' };

  // @ts-expect-error -- a subscription and a payment plan schedule together
  const bothSchedules: PriceInput = { amount: 2900, billingType: 'recurring', currency: 'gbp', recurring: { interval: 'month' }, paymentPlan: { planIterations: 3 } };
  // @ts-expect-error -- billingType one_time with a subscription schedule
  const oneTimeWithRecurring: PriceInput = { amount: 2900, billingType: 'one_time', currency: 'gbp', recurring: { interval: 'month' } };
  // @ts-expect-error -- billingType one_time with a payment plan
  const oneTimeWithPlan: PriceInput = { amount: 9900, billingType: 'one_time', currency: 'gbp', paymentPlan: { planIterations: 3, interval: 'month' } };
  // @ts-expect-error -- a payment plan cannot be pay what you want
  const payWhatYouWantPlan: PriceInput = { amount: 9900, billingType: 'recurring', currency: 'gbp', paymentPlan: { planIterations: 3, interval: 'month' }, payWhatYouWant: true };
  // @ts-expect-error -- a payment plan needs planIterations
  const planWithoutIterations: PriceInput = { amount: 9900, billingType: 'recurring', currency: 'gbp', paymentPlan: { interval: 'month' } };
  // @ts-expect-error -- a payment plan's anchor month cannot be null (a subscription's can)
  const planAnchorMonthNull: PriceInput = { amount: 9900, billingType: 'recurring', currency: 'gbp', paymentPlan: { planIterations: 3, billingCycleAnchorConfig: { month: null } } };
  // @ts-expect-error -- an entry of prices needs its billingType
  const noBillingType: PriceInput = { amount: 20000, currency: 'gbp', label: 'Standard' };
  // @ts-expect-error -- an entry of prices needs its amount
  const noAmount: PriceInput = { billingType: 'one_time', currency: 'gbp', label: 'Standard' };

  return [oneTime, oneTimeNulls, payWhatYouWant, subscription, paymentPlan, existing, bothSchedules, oneTimeWithRecurring, oneTimeWithPlan, payWhatYouWantPlan, planWithoutIterations, planAnchorMonthNull, noBillingType, noAmount];
}

// =================================================================================================
// The single `price` (SinglePriceInput): every field optional, billingType derived, same rules
// =================================================================================================

export function singlePriceBodies(): SinglePriceInput[] {
  // Valid: nothing at all (amount defaults to 0), a one-time price, and each schedule without a billingType.
  const empty: SinglePriceInput = {};
  const oneTime: SinglePriceInput = { amount: 4900, currency: 'usd' };
  const subscription: SinglePriceInput = { amount: 2900, currency: 'usd', recurring: { interval: 'month', intervalCount: 1 } };
  const paymentPlan: SinglePriceInput = { amount: 12000, currency: 'usd', paymentPlan: { planIterations: 3, interval: 'week' } };
  const nullBillingType: SinglePriceInput = { amount: 2900, billingType: null, recurring: { interval: 'year' } };

  // @ts-expect-error -- a subscription and a payment plan schedule together
  const bothSchedules: SinglePriceInput = { amount: 2900, currency: 'usd', recurring: { interval: 'month', intervalCount: 1 }, paymentPlan: { planIterations: 3 } };
  // @ts-expect-error -- billingType one_time with a subscription schedule
  const oneTimeWithRecurring: SinglePriceInput = { amount: 2900, currency: 'usd', billingType: 'one_time', recurring: { interval: 'month', intervalCount: 1 } };
  // @ts-expect-error -- a payment plan cannot be pay what you want
  const payWhatYouWantPlan: SinglePriceInput = { amount: 12000, currency: 'usd', paymentPlan: { planIterations: 3, interval: 'week' }, payWhatYouWant: true };

  return [empty, oneTime, subscription, paymentPlan, nullBillingType, bothSchedules, oneTimeWithRecurring, payWhatYouWantPlan];
}

// =================================================================================================
// Bulk discounts: amountOff or percentOff, not both
// =================================================================================================

export function discountBodies(): ProductDiscountInput[] {
  const amount: ProductDiscountInput = { quantityCondition: 'checkout_quantity', minQuantity: 3, amountOff: 500 };
  const percent: ProductDiscountInput = { quantityCondition: 'checkout_quantity', minQuantity: 3, percentOff: 10 };
  const amountWithNullPercent: ProductDiscountInput = { quantityCondition: 'checkout_quantity', minQuantity: 3, amountOff: 500, percentOff: null };
  const byOption: ProductDiscountInput = { quantityCondition: 'variant_option_quantity', minQuantity: 2, percentOff: 15, variantOptionIds: [{ key: 'print' }] };

  // @ts-expect-error -- amountOff and percentOff together
  const both: ProductDiscountInput = { quantityCondition: 'checkout_quantity', minQuantity: 3, amountOff: 500, percentOff: 10 };
  // @ts-expect-error -- quantityCondition is required
  const noCondition: ProductDiscountInput = { minQuantity: 3, percentOff: 10 };

  return [amount, percent, amountWithNullPercent, byOption, both, noCondition];
}

// =================================================================================================
// A whole product update (UpdateProductRequest). A checkout page's productData (ProductDetailsInput)
// shares every component used here; its own cases belong with the checkout-page operations.
// =================================================================================================

export function productBodies(): UpdateProductRequest[] {
  // Valid: the vendor's variant-driven set-up, with request-local keys tying the variants together.
  const variants: UpdateProductRequest = { price: { amount: 0, currency: 'usd' }, variants: [{ key: 'tier', name: 'Select package tier', options: [{ key: 'pro', name: 'Pro', additionalChargeAmount: 7000 }] }, { name: 'Onboarding call', options: [{ name: 'Include call', additionalChargeAmount: 15000 }], showHideLogic: { enabled: true, element: { elementId: 'tier' }, comparison: 'is', value: 'pro' } }] };
  // Valid: existing variants and options named by id, and the single price cleared.
  const update: UpdateProductRequest = { price: null, fileIds: null, variants: [{ id: '6632f1a0b9c8d7e6f5a4b3c2', name: 'Workbook', options: [{ id: '6632f1a0b9c8d7e6f5a4b3c3', name: 'Digital workbook (PDF)' }] }] };

  // @ts-expect-error -- a variant needs its options
  const variantWithoutOptions: UpdateProductRequest = { price: { amount: 0, currency: 'usd' }, variants: [{ key: 'tier', name: 'Select package tier' }] };
  // @ts-expect-error -- the single price with both schedules
  const bothSchedules: UpdateProductRequest = { price: { amount: 2900, currency: 'usd', recurring: { interval: 'month' }, paymentPlan: { planIterations: 3 } } };
  // @ts-expect-error -- a prices[] entry with billingType one_time and a schedule
  const oneTimeRecurring: UpdateProductRequest = { prices: [{ amount: 2900, billingType: 'one_time', recurring: { interval: 'month' } }] };
  // @ts-expect-error -- a bulk discount with amountOff and percentOff
  const bothDiscounts: UpdateProductRequest = { discounts: [{ quantityCondition: 'checkout_quantity', amountOff: 500, percentOff: 10 }] };

  return [variants, update, variantWithoutOptions, bothSchedules, oneTimeRecurring, bothDiscounts];
}

// The same rules hold through the typed client and the resource API.
export async function productCalls(client: CheckoutPageClient) {
  const productId = '6630b3a8c4e8a91d2f7b3a23';
  await client.PATCH('/v1/products/{productId}', { params: { path: { productId } }, body: { prices: [{ amount: 9900, billingType: 'recurring', paymentPlan: { planIterations: 3 } }] } });
  // @ts-expect-error -- a pay-what-you-want payment plan
  await client.PATCH('/v1/products/{productId}', { params: { path: { productId } }, body: { prices: [{ amount: 9900, billingType: 'recurring', paymentPlan: { planIterations: 3 }, payWhatYouWant: true }] } });
  await client.products.update(productId, { price: { amount: 2900, recurring: { interval: 'month' } } });
  // @ts-expect-error -- both schedules
  await client.products.update(productId, { price: { amount: 2900, recurring: { interval: 'month' }, paymentPlan: { planIterations: 3 } } });
}
