// How each top-level list is filled: copies of its examples, renamed, linked to records that
// exist and made consistent with the status they were given. Order matters: a record links only
// to collections filled before it (customers and pages before payments, bookings before tickets).
import type { Collection } from '../model.js';
import type { Resource } from '../store.js';
import { replaceDeep } from './clone.js';
import type { Generator } from './generator.js';
import { CITIES, COMPANIES, COUPON_WORDS, EVENT_TITLES, FIRST_NAMES, FORM_TITLES, LAST_NAMES, PAGE_TITLES, PRODUCT_TITLES, THEME_NAMES, WEBHOOK_NAMES, slugify } from './words.js';

type Recipe = (g: Generator, collection: Collection) => void;

/** Amounts as a status leaves them: paid in full, half refunded, nothing paid yet... */
function settle(record: Resource, status: unknown): void {
  const amount = typeof record.amount === 'number' ? record.amount : undefined;
  if (amount === undefined) return;
  const half = Math.round(amount / 2);
  const [paid, refunded] =
    status === 'paid' ? [amount, 0]
    : status === 'refunded' ? [amount, amount]
    : status === 'partial_refund' || status === 'partially_refunded' ? [amount, half]
    : status === 'partially_paid' ? [half, 0]
    : [0, 0];
  const set = (field: string, value: number) => {
    if (typeof record[field] === 'number') record[field] = value;
  };
  set('amountPaid', paid);
  set('amountRefunded', refunded);
  set('amountDue', status === 'void' || status === 'refunded' ? 0 : amount - paid);
  if ('isAbandoned' in record) record.isAbandoned = record.abandonmentStatus === 'abandoned';
}

/** Copies of the examples, `n` of them, each given its planned filter values. */
function copies(g: Generator, collection: Collection, options: { n?: number; skip?: string[]; main?: string } = {}) {
  const main = options.main ?? 'status';
  const filters = g.filters(collection, options.skip);
  // Enough records for every filter value to appear twice, even in a list already full.
  const n = options.n ?? Math.max(g.missing(collection), ...filters.map((f) => g.lacking(collection, f).length));
  const rows = g.plan(collection, n, filters);
  return rows.map((row) => {
    const createdMs = g.time();
    const template = g.template(collection, main in row ? main : undefined, row[main]);
    const record = g.copy(template, createdMs);
    Object.assign(record, row);
    record.createdAt = new Date(createdMs).toISOString();
    record.updatedAt = g.updatedAt(createdMs);
    return { record, createdMs, template };
  });
}

/** A title not used yet in `used`: the word, else the word and a number. */
function fresh(used: Set<string>, word: string): string {
  let title = word;
  for (let i = 2; used.has(slugify(title)); i++) title = `${word} ${i}`;
  used.add(slugify(title));
  return title;
}

const slugsOf = (g: Generator) =>
  new Set(['checkout-pages', 'forms', 'events'].flatMap((s) => g.all(g.collection(s)).map((r) => String(r.slug))));

/** Renames a page (`name`, `title`, `slug` and its `url`); a generated slug ends with a three-digit number. */
function retitle(g: Generator, record: Resource, title: string): Resource {
  const slug = `${slugify(title)}-${100 + g.next()}`;
  const map = new Map<string, string>();
  for (const field of ['name', 'title']) if (typeof record[field] === 'string') map.set(record[field], title);
  if (typeof record.slug === 'string') map.set(record.slug, slug);
  return replaceDeep(record, map) as Resource;
}

/** The customers the examples name without showing them (a booking's buyer), made from what they say. */
const namedCustomers: Recipe = (g, collection) => {
  const known = new Set(g.all(collection).map((c) => c.id));
  const template = g.examples(collection)[0]!;
  // A buyer's own record says who they are before a ticket does (a ticket may name its attendee).
  const order = [...g.model.collections.values()].sort((a, b) => Number(a.segment === 'tickets') - Number(b.segment === 'tickets'));
  for (const c of order) {
    if (c.parent || c === collection) continue;
    for (const record of g.all(c)) {
      const id = record.customerId;
      const email = record.customerEmail ?? record.attendeeEmail;
      if (typeof id !== 'string' || known.has(id) || typeof email !== 'string') continue;
      known.add(id);
      const createdMs = Date.parse(record.createdAt) - 60_000;
      const customer = g.copy(template, createdMs, id);
      const name = record.customerName ?? record.attendeeName;
      g.add(collection, {
        ...(replaceDeep(customer, new Map([[template.email, email], ...(typeof name === 'string' ? [[template.name, name] as [string, string]] : [])])) as Resource),
        createdAt: new Date(createdMs).toISOString(),
        updatedAt: new Date(createdMs).toISOString(),
      });
    }
  }
};

const customers: Recipe = (g, collection) => {
  const emails = new Set(g.all(collection).map((r) => r.email));
  for (const { record } of copies(g, collection)) {
    let first: string, last: string, email: string;
    do {
      first = g.random.pick(FIRST_NAMES);
      last = g.random.pick(LAST_NAMES);
      email = `${first}.${last}${emails.size > 400 ? g.next() : ''}@example.com`.toLowerCase();
    } while (emails.has(email));
    emails.add(email);
    const renamed = replaceDeep(record, new Map([[record.email, email], [record.name, `${first} ${last}`]])) as Resource;
    if (g.random.chance(0.4)) renamed.companyName = g.random.pick(COMPANIES);
    else delete renamed.companyName;
    g.add(collection, renamed);
  }
};

const checkoutPages: Recipe = (g, collection) => {
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

const products: Recipe = (g, collection) => {
  const titles = new Set(g.all(collection).map((r) => slugify(String(r.title))));
  for (const { record } of copies(g, collection, { main: 'role' })) {
    record.title = fresh(titles, g.random.pick(PRODUCT_TITLES));
    g.add(collection, record);
  }
};

const forms: Recipe = (g, collection) => {
  const slugs = slugsOf(g);
  for (const { record } of copies(g, collection)) {
    const title = fresh(slugs, g.random.pick(FORM_TITLES));
    g.add(collection, retitle(g, record, title));
  }
};

const events: Recipe = (g, collection) => {
  const slugs = slugsOf(g);
  for (const { record } of copies(g, collection)) {
    const title = fresh(slugs, `${g.random.pick(EVENT_TITLES)} ${g.random.pick(CITIES)}`);
    g.add(collection, retitle(g, record, title));
  }
};

const coupons: Recipe = (g, collection) => {
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

/** Links a record to a customer, and to a page of `pages` with its product (and price). */
function buyer(g: Generator, record: Resource, createdMs: number, pages?: Collection, where?: (r: Resource) => boolean): Resource {
  const page = g.pick(pages, { like: record.pageId, beforeMs: createdMs, where });
  let out = g.link(record, 'pageId', page);
  const product = page?.product as Resource | undefined;
  if (product && typeof out.productId === 'string') {
    const listed = g.all(g.collection('products')).find((p) => p.id === product.id);
    out = g.link(out, 'productId', listed ?? product);
  }
  out = g.link(out, 'customerId', g.pick(g.collection('customers'), { beforeMs: createdMs }));
  if (typeof out.orderId === 'string') out.orderId = String(10_005_000 + g.next());
  return out;
}

const payments: Recipe = (g, collection) => {
  for (const { record, createdMs } of copies(g, collection)) {
    const linked = buyer(g, record, createdMs, g.collection('checkout-pages'));
    settle(linked, linked.status);
    g.add(collection, linked);
  }
};

const subscriptions: Recipe = (g, collection) => {
  const coupons = g.collection('coupons');
  for (const { record, createdMs } of copies(g, collection)) {
    let linked = buyer(g, record, createdMs, g.collection('checkout-pages'));
    if (linked.couponId) linked = g.link(linked, 'couponId', g.pick(coupons, { beforeMs: createdMs }));
    g.add(collection, linked);
  }
};

/** Bookings, with the tickets they issue: a paid booking's tickets exist, a refunded one's are canceled. */
const ISSUES: Record<string, string> = { paid: 'PAID', partially_paid: 'PAID', partial_refund: 'PAID', refunded: 'CANCELED', canceled: 'CANCELED' };

const bookings: Recipe = (g, collection) => {
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

const tickets: Recipe = (g, collection) => {
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

const subscriptionPayments: Recipe = (g, collection) => {
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

const submissions: Recipe = (g, collection) => {
  for (const { record, createdMs } of copies(g, collection)) {
    let linked = g.link(record, 'pageId', g.pick(g.collection('forms'), { like: record.pageId, beforeMs: createdMs }));
    if (linked.customerId) linked = g.link(linked, 'customerId', g.pick(g.collection('customers'), { beforeMs: createdMs }));
    g.add(collection, linked);
  }
};

const invoices: Recipe = (g, collection) => {
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

const themes: Recipe = (g, collection) => {
  const names = new Set(g.all(collection).map((r) => slugify(String(r.name))));
  const n = g.missing(collection, 12);
  for (const { record } of copies(g, collection, { n, main: 'scope' })) {
    g.add(collection, { ...record, scope: 'seller', deprecated: false, name: fresh(names, g.random.pick(THEME_NAMES)) });
  }
};

/** Webhook endpoints: at most 10, as the API allows, subscribed together to every event twice. */
const webhooks: Recipe = (g, collection) => {
  const rows = copies(g, collection, { n: g.missing(collection, 10), skip: ['event'] });
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

/** By collection segment, in the order they are filled. */
export const RECIPES: Array<[string, Recipe]> = [
  ['customers', namedCustomers],
  ['customers', customers],
  ['checkout-pages', checkoutPages],
  ['products', products],
  ['forms', forms],
  ['events', events],
  ['coupons', coupons],
  ['payments', payments],
  ['subscriptions', subscriptions],
  ['subscription-payments', subscriptionPayments],
  ['bookings', bookings],
  ['tickets', tickets],
  ['submissions', submissions],
  ['invoices', invoices],
  ['themes', themes],
  ['webhooks', webhooks],
];
