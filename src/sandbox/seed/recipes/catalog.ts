// What a store sells and how it is set up: checkout pages (each with its own product), products,
// forms, events (with their ticket groups and types), coupons, themes and webhook endpoints.
import type { Resource } from '../../store.js';
import { COUPON_WORDS, EVENT_TITLES, CITIES, FORM_TITLES, PAGE_TITLES, PRODUCT_TITLES, THEME_NAMES, WEBHOOK_NAMES, slugify } from '../words.js';
import { copies, fresh, retitle, slugsOf, type Recipe } from './shared.js';

export const checkoutPages: Recipe = (g, collection) => {
  const products = g.collection('products');
  const slugs = slugsOf(g);
  for (const { record, createdMs, template } of copies(g, collection)) {
    const title = fresh(slugs, g.random.pick(PAGE_TITLES));
    const page = retitle(g, record, title);
    // The page sells its own product, listed under /v1/products too.
    const sold = page.product as Resource | undefined;
    if (sold && products) {
      const example = g.all(products).find((p) => p.id === (template.product as Resource | undefined)?.id);
      const product = example ? g.copy(example, createdMs, sold.id as string) : undefined;
      sold.title = title;
      if (product) {
        Object.assign(product, { title, createdAt: page.createdAt, updatedAt: page.updatedAt });
        if (Array.isArray(sold.prices)) product.prices = structuredClone(sold.prices);
        if (sold.defaultPriceId !== undefined) product.defaultPriceId = sold.defaultPriceId;
        g.add(products, product);
      }
    }
    g.add(collection, page);
  }
};

export const products: Recipe = (g, collection) => {
  const titles = new Set(g.all(collection).map((r) => slugify(String(r.title))));
  for (const { record } of copies(g, collection, { main: 'role' })) {
    record.title = fresh(titles, g.random.pick(PRODUCT_TITLES));
    g.add(collection, record);
  }
};

export const forms: Recipe = (g, collection) => {
  const slugs = slugsOf(g);
  for (const { record } of copies(g, collection)) {
    const title = fresh(slugs, g.random.pick(FORM_TITLES));
    g.add(collection, retitle(g, record, title));
  }
};

export const events: Recipe = (g, collection) => {
  const slugs = slugsOf(g);
  for (const { record } of copies(g, collection)) {
    const title = fresh(slugs, `${g.random.pick(EVENT_TITLES)} ${g.random.pick(CITIES)}`);
    g.add(collection, retitle(g, record, title));
  }
};

export const coupons: Recipe = (g, collection) => {
  const codes = new Set(g.all(collection).map((r) => r.code));
  const pages = g.collection('checkout-pages');
  const symbols: Record<string, string> = { gbp: '£', eur: '€', usd: '$' };
  for (const { record, createdMs } of copies(g, collection)) {
    const word = g.random.pick(COUPON_WORDS);
    const off = record.percentOff != null ? g.random.pick([5, 10, 15, 20, 25, 30, 50]) : g.random.pick([5, 10, 20, 25]);
    let code = `${word}${off}`;
    for (let i = 2; codes.has(code); i++) code = `${word}${off}${String.fromCharCode(63 + i)}`;
    codes.add(code);
    const label = `${word[0]}${word.slice(1).toLowerCase()} ${record.percentOff != null ? `${off}% off` : `${symbols[record.currency] ?? ''}${off} off`}`;
    if (record.percentOff != null) record.percentOff = off;
    else record.amountOff = off * 100;
    const pageIds = Array.from({ length: g.random.int(0, 2) }, () => g.pick(pages, { beforeMs: createdMs })?.id).filter(Boolean);
    const max = typeof record.maxRedemptions === 'number' ? record.maxRedemptions : 60;
    g.add(collection, { ...record, code, label, pageIds: [...new Set(pageIds)], timesRedeemed: g.random.int(0, max) });
  }
};

export const themes: Recipe = (g, collection) => {
  const names = new Set(g.all(collection).map((r) => slugify(String(r.name))));
  const n = g.missing(collection, 12);
  for (const { record } of copies(g, collection, { n, main: 'scope' })) {
    g.add(collection, { ...record, scope: 'seller', deprecated: false, name: fresh(names, g.random.pick(THEME_NAMES)) });
  }
};

/**
 * Webhook endpoints: 6, enough for a second page at limit=5 and two of each status, and 4 under
 * the API's limit of 10, so a test can still register its own receivers; together they
 * subscribe to every event twice.
 */
export const webhooks: Recipe = (g, collection) => {
  const rows = copies(g, collection, { n: g.missing(collection, 6), skip: ['event'] });
  if (!rows.length) return;
  const route = g.model.routes.find((r) => r.kind === 'list' && r.collection === collection);
  const events = (g.model.reader.shape(route?.parameters.find((p) => p.name === 'event')?.schema).enum ?? []) as string[];
  rows.forEach(({ record }) => (record.events = []));
  [...events, ...events].forEach((event, i) => {
    const { events: list } = rows[i % rows.length]!.record;
    if (!list.includes(event)) list.push(event);
  });
  rows.forEach(({ record }, i) => {
    const name = WEBHOOK_NAMES[i % WEBHOOK_NAMES.length]!;
    g.add(collection, { ...record, name, url: `https://hooks.example.com/checkoutpage/${slugify(name)}-${g.next()}` });
  });
};
