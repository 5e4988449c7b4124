// What the recipes share: copies of a collection's examples with their planned filter values,
// fresh titles and slugs, amounts settled by status, and a buyer's links (customer, page, product).
import type { Collection } from '../../model.js';
import type { Resource } from '../../store.js';
import { replaceDeep } from '../clone.js';
import type { Generator } from '../generator.js';
import { slugify } from '../words.js';

export type Recipe = (g: Generator, collection: Collection) => void;

/** Amounts as a status leaves them: paid in full, half refunded, nothing paid yet... */
export function settle(record: Resource, status: unknown): void {
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
export function copies(g: Generator, collection: Collection, options: { n?: number; skip?: string[]; main?: string } = {}) {
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
export function fresh(used: Set<string>, word: string): string {
  let title = word;
  for (let i = 2; used.has(slugify(title)); i++) title = `${word} ${i}`;
  used.add(slugify(title));
  return title;
}

export const slugsOf = (g: Generator) =>
  new Set(['checkout-pages', 'forms', 'events'].flatMap((s) => g.all(g.collection(s)).map((r) => String(r.slug))));

/** Renames a page (`name`, `title`, `slug` and its `url`); a generated slug ends with a three-digit number. */
export function retitle(g: Generator, record: Resource, title: string): Resource {
  const slug = `${slugify(title)}-${100 + g.next()}`;
  const map = new Map<string, string>();
  for (const field of ['name', 'title']) if (typeof record[field] === 'string') map.set(record[field], title);
  if (typeof record.slug === 'string') map.set(record.slug, slug);
  return replaceDeep(record, map) as Resource;
}

/** Links a record to a customer, and to a page of `pages` with its product (and price). */
export function buyer(g: Generator, record: Resource, createdMs: number, pages?: Collection, where?: (r: Resource) => boolean): Resource {
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
