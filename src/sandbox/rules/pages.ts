// Pages (checkout pages, forms, events): a slug is the page's address in the store, so it is
// unique across every kind of page (the generic 409 guards one collection; this guards the
// others). A new checkout page creates the product it sells from `productData` (stored with the
// products, and announced with `product.created`); `productId` on an update points the page at
// another product of the store (400 when there is none with that id).
import type { Ctx } from '../engine.js';
import { ApiError, badRequest } from '../errors.js';
import type { Resource } from '../store.js';
import { productFromPageInput } from './products.js';
import type { Rule } from './rule.js';

const PAGES = ['/v1/checkout-pages', '/v1/forms', '/v1/events'];

function slugFree(ctx: Ctx, exceptId?: string): void {
  const slug = (ctx.body.value as Resource | undefined)?.slug;
  if (typeof slug !== 'string') return;
  for (const path of PAGES) {
    const pages = ctx.engine.model.collection(path);
    if (!pages || pages === ctx.route.collection) continue;
    if (ctx.engine.store.find(pages.key, (page) => page.slug === slug && page.id !== exceptId)) {
      throw new ApiError(409, 'A page with this slug already exists', [{ param: 'slug', message: 'is already taken', value: slug }]);
    }
  }
}

const onCreate: Rule = { check: (ctx) => slugFree(ctx) };
const onUpdate: Rule = { check: (ctx, entry) => slugFree(ctx, entry?.id) };

export const pageRules: Record<string, Rule> = {
  createCheckoutPage: {
    ...onCreate,
    apply(ctx, record, change) {
      const products = ctx.engine.model.collection('/v1/products');
      const input = (ctx.body.value as Resource).productData as Resource | null | undefined;
      delete record.productData;
      if (!products || !input) {
        record.product = null;
        return [];
      }
      record.product = productFromPageInput(ctx, input, products, change);
      return [{ collection: products, after: record.product as Resource }];
    },
  },
  updateCheckoutPage: {
    check(ctx, entry) {
      slugFree(ctx, entry?.id);
      const productId = (ctx.body.value as Resource).productId as string | null | undefined;
      const products = ctx.engine.model.collection('/v1/products');
      if (typeof productId === 'string' && products && !ctx.engine.store.get(products.key, productId)) {
        throw badRequest([{ param: 'productId', message: 'is not a product of the store', value: productId }]);
      }
    },
    apply(ctx, record) {
      const productId = (ctx.body.value as Resource).productId as string | null | undefined;
      if (productId === undefined) return;
      const products = ctx.engine.model.collection('/v1/products');
      record.product = productId === null || !products ? null : ctx.engine.store.get(products.key, productId)!.record;
    },
  },
  createForm: onCreate,
  updateForm: onUpdate,
  createEvent: onCreate,
  updateEvent: onUpdate,
};
