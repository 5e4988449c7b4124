// Products and their prices. `price` is shorthand for a one-entry `prices` (and only works while
// the product has at most one price); a new price without `currency` is in `usd`, as documented,
// and one without `enabled` is enabled (the spec does not say; a price added to be sold is the
// sandbox's guess). The deprecated `price` and `type` and the `isDefault` flags follow from
// `prices` and `defaultPriceId`. A change to a product also shows on the checkout pages that
// sell it, which raise no event of their own (the API sends `product.updated` only).
import type { Ctx, Engine } from '../engine.js';
import { badRequest } from '../errors.js';
import type { Collection } from '../model.js';
import type { Change, Resource } from '../store.js';
import type { Rule } from './rule.js';

const isObject = (v: unknown): v is Resource => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rewrites a product input in place: `price` becomes `prices`, new prices get their defaults. */
export function normalizeProductInput(input: Resource, current?: Resource): void {
  const existing = Array.isArray(current?.prices) ? (current.prices as Resource[]) : [];
  if (isObject(input.price) && input.prices === undefined) {
    if (existing.length > 1) throw badRequest([{ param: 'price', message: 'only works while the product has at most one price: send `prices`' }]);
    const { pricingType: _ignored, ...price } = input.price;
    const schedule = isObject(price.recurring) || isObject(price.paymentPlan);
    input.prices = [{ ...(existing[0] ? { id: existing[0].id } : { amount: 0, billingType: schedule ? 'recurring' : 'one_time' }), ...price }];
  }
  delete input.price;
  for (const price of Array.isArray(input.prices) ? (input.prices as Resource[]) : []) {
    if (typeof price.id === 'string' && existing.some((p) => p.id === price.id)) continue;
    price.currency ??= 'usd';
    price.enabled ??= true;
  }
}

/** Sets what follows from the prices: the default price and its flags, and the deprecated `price` and `type`. */
export function deriveFromPrices(product: Resource): void {
  const prices = Array.isArray(product.prices) ? (product.prices as Resource[]) : [];
  if (prices.length === 0) return;
  const first = prices.find((p) => p.enabled) ?? prices[0]!;
  if (!prices.some((p) => p.id === product.defaultPriceId)) product.defaultPriceId = first.id;
  for (const price of prices) price.isDefault = price.id === product.defaultPriceId;
  const { amount, currency, recurring, paymentPlan, discountedFromPrice, payWhatYouWant, setupFee, setupFeeMultipliesWithQuantity } = first;
  const price: Resource = { amount, currency, recurring, paymentPlan, discountedFromPrice, payWhatYouWant, setupFee, setupFeeMultipliesWithQuantity };
  product.price = Object.fromEntries(Object.entries(price).filter(([, v]) => v !== undefined));
  product.type = first.billingType === 'recurring' ? 'subscription' : 'charge';
}

/** The checkout pages that sell the product show it as it now is. */
function showOnPages(engine: Engine, change: Change, product: Resource): void {
  const pages = engine.model.collection('/v1/checkout-pages');
  if (!pages) return;
  for (const entry of engine.store.list(pages.key)) {
    if ((entry.record.product as Resource | null | undefined)?.id !== product.id) continue;
    change.put(pages.key, entry.scope, { ...entry.record, product }, entry.seeded);
  }
}

export const productRules: Record<string, Rule> = {
  updateProduct: {
    check(ctx: Ctx) {
      const collection = ctx.route.collection!;
      const current = ctx.engine.find(collection, ctx.route, ctx.params).record;
      normalizeProductInput(ctx.body.value as Resource, current);
    },
    apply(ctx, record, change) {
      deriveFromPrices(record);
      showOnPages(ctx.engine, change, record);
    },
  },
};

/** The product of a new checkout page, built from its `productData` and stored with the products. */
export function productFromPageInput(ctx: Ctx, input: Resource, products: Collection, change: Change): Resource {
  const { engine } = ctx;
  const body = structuredClone(input);
  normalizeProductInput(body);
  const requestSchema = engine.reader.shape(ctx.body.schema).properties.get('productData');
  const product = engine.records.build(body, products.itemSchema, { ...ctx.write, example: undefined, params: {} }, new Set(), requestSchema);
  deriveFromPrices(product);
  change.put(products.key, '', product);
  return product;
}
