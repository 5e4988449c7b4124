// Lists through the client: newest first, exclusive cursors both ways over 250 records, `has_more`
// and `total` true to the data, and every kind of filter narrowing to exactly the matching records.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../support/bundle.ts';
import { createSandbox } from '../../src/sandbox/index.ts';
import { checkedSandbox, raw, type Checked } from './support.ts';

let s: Checked;
afterEach(() => {
  expect(s.problems).toEqual([]);
  expect(s.checked.count).toBeGreaterThan(0);
});

type Item = { id: string } & Record<string, any>;

/** Every item of a list, walking pages of 100 with the client's iterator. */
async function all(list: (query: Record<string, unknown>) => AsyncIterable<Item>, query: Record<string, unknown> = {}): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of list({ ...query, limit: 100 })) items.push(item);
  return items;
}

/** The filter returns exactly the items of the whole list that match, and narrows it. */
async function expectFilter(list: (query: Record<string, unknown>) => AsyncIterable<Item>, query: Record<string, unknown>, matches: (item: Item) => boolean) {
  const everything = await all(list);
  const filtered = await all(list, query);
  expect(filtered.map((i) => i.id)).toEqual(everything.filter(matches).map((i) => i.id));
  expect(filtered.length).toBeGreaterThan(0);
  expect(filtered.length).toBeLessThan(everything.length);
}

describe('paging through 250 created records', () => {
  let created: string[];
  beforeAll(async () => {
    s = checkedSandbox({ seed: 'examples' }); // the examples' two coupons, then 250 created ones
    created = [];
    for (let i = 0; i < 250; i++) {
      const coupon = await s.client.coupons.create({ label: `Bulk ${i}`, code: `BULK${i}`, percentOff: 1 + (i % 90), duration: 'forever' });
      created.push(coupon.id);
    }
  });

  it('pages forward, newest first, with has_more and total true to the data', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    const hasMore: boolean[] = [];
    do {
      const page = await s.client.coupons.list({ limit: 100, ...(cursor ? { starting_after: cursor } : {}) });
      expect(page.total).toBe(252);
      seen.push(...page.data.map((c) => c.id));
      hasMore.push(page.has_more);
      cursor = page.has_more ? page.data.at(-1)!.id : undefined;
    } while (cursor);
    expect(hasMore).toEqual([true, true, false]);
    expect(seen.slice(0, 250)).toEqual([...created].reverse());
    expect(new Set(seen).size).toBe(252);
    expect((await s.client.coupons.list()).data).toHaveLength(20); // the default limit
  });

  it('pages back with ending_before to the newest record', async () => {
    const oldestCreated = created[0]!;
    const back: string[] = [];
    let cursor = oldestCreated;
    for (;;) {
      const page = await s.client.coupons.list({ limit: 100, ending_before: cursor });
      back.unshift(...page.data.map((c) => c.id));
      if (!page.has_more) break;
      cursor = page.data[0]!.id;
    }
    expect(back).toEqual([...created].reverse().slice(0, 249));
  });

  it('treats cursors as exclusive, and rejects two at once or one that is no item of the list', async () => {
    const page = await s.client.coupons.list({ limit: 3, starting_after: created[200]! });
    expect(page.data.map((c) => c.id)).toEqual([created[199], created[198], created[197]]);
    const both = await raw(s, 'GET', `/v1/coupons?starting_after=${created[1]}&ending_before=${created[2]}`);
    expect(both.status).toBe(400);
    const unknown = await raw(s, 'GET', '/v1/coupons?starting_after=000000000000000000000000');
    expect(unknown.body.errors[0]).toMatchObject({ param: 'starting_after' });
  });

  it('iterates every item with the client’s async iterator', async () => {
    expect((await all((q) => s.client.coupons.list(q))).length).toBe(252);
  });
});

describe('filters and search over the seeded records', () => {
  beforeAll(() => {
    s = checkedSandbox();
  });

  it('narrows by enum, id, boolean and nested fields exactly', async () => {
    const payments = (q: Record<string, unknown>) => s.client.payments.list(q);
    await expectFilter(payments, { status: 'paid' }, (p) => p.status === 'paid');
    await expectFilter(payments, { customerId: '6812fe6e9f39b6760576f01c' }, (p) => p.customerId === '6812fe6e9f39b6760576f01c');
    await expectFilter(payments, { couponCode: 'SPRING10' }, (p) => p.coupon?.code === 'SPRING10');
    const bookings = (q: Record<string, unknown>) => s.client.bookings.list(q);
    await expectFilter(bookings, { isComplimentary: 'true' }, (b) => b.isComplimentary === true);
    // The seeded records are live; one made with a test key is not.
    const example = (bundle.components as any).examples.CreateBookingComplimentary.value;
    const booking = await s.client.bookings.create(example);
    expect(booking.livemode).toBe(false);
    await expectFilter(bookings, { livemode: 'false' }, (b) => b.livemode === false);
    await expectFilter(bookings, { livemode: 'true' }, (b) => b.livemode === true);
    const webhooks = (q: Record<string, unknown>) => s.client.webhooks.list(q);
    await expectFilter(webhooks, { event: 'customer.updated' }, (w) => w.events.includes('customer.updated'));
    const events = (q: Record<string, unknown>) => s.client.events.list(q);
    await expectFilter(events, { status: 'draft' }, (e) => e.status === 'draft');
  });

  it('filters tickets by check-in status, counting tickets never checked in as UNCHECKEDIN', async () => {
    const tickets = (q: Record<string, unknown>) => s.client.tickets.list(q);
    await expectFilter(tickets, { checkInStatus: 'CHECKEDIN' }, (t) => t.latestCheckIn?.status === 'CHECKEDIN');
    await expectFilter(tickets, { checkInStatus: 'UNCHECKEDIN' }, (t) => t.latestCheckIn?.status !== 'CHECKEDIN');
  });

  it('bounds createdAt by createdAfter and createdBefore, both included', async () => {
    const customers = await all((q) => s.client.customers.list(q));
    const times = customers.map((c) => c.createdAt as string).sort();
    const [, middle] = times;
    const after = await all((q) => s.client.customers.list(q), { createdAfter: middle });
    expect(after.map((c) => c.id)).toEqual(customers.filter((c) => c.createdAt >= middle!).map((c) => c.id));
    const before = await all((q) => s.client.customers.list(q), { createdBefore: middle });
    expect(before.map((c) => c.id)).toEqual(customers.filter((c) => c.createdAt <= middle!).map((c) => c.id));
  });

  it('searches the documented fields case-insensitively, and finds nothing when nothing matches', async () => {
    const jane = await s.client.customers.list({ search: 'JANE' });
    expect(jane.data.length).toBeGreaterThan(0);
    for (const c of jane.data) expect(`${c.name} ${c.email}`.toLowerCase()).toContain('jane');
    const byEmail = await s.client.payments.list({ search: 'jane.doe@EXAMPLE.com' });
    expect(byEmail.data.every((p) => p.customerEmail === 'jane.doe@example.com')).toBe(true);
    expect(byEmail.total).toBeGreaterThan(0);
    const none = await s.client.customers.list({ search: 'no-such-customer-anywhere' });
    expect(none).toEqual({ data: [], has_more: false, total: 0 });
  });

  it('searches every plain text field when a search description names no field', async () => {
    const spec = structuredClone(bundle) as any;
    const search = spec.paths['/v1/coupons'].get.parameters.find((p: { name?: string }) => p.name === 'search');
    search.description = 'Text matched against the coupon.';
    const plain = createSandbox({ spec });
    const find = async (text: string) =>
      ((await (await plain.fetch(`https://api.checkoutpage.com/v1/coupons?search=${text}`, { headers: { Authorization: 'Bearer sk_test_x' } })).json()) as { total: number }).total;
    expect(await find('welcome5')).toBe(1); // the code
    expect(await find('first 3 months')).toBe(1); // the label
    expect(await find('66a1c0f4')).toBe(0); // ids are not text to search
  });
});
