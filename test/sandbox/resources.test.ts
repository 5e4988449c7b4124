// The sandbox as an application's integration tests use it: the project's client on
// `sandbox.fetch`, creating, reading back, updating, deleting, and meeting the documented errors.
// Every answer is checked against the spec (support.ts).
import { describe, expect, it } from 'vitest';
import { CheckoutPageError } from '../../src/index.ts';
import { checkedSandbox, checkedSandboxPerTest, raw } from './support.ts';

const JANE = '6812fe6e9f39b6760576f01c';
const SUMMIT = '6650a1b2c3d4e5f6a7b8c901';
const CONFERENCE_GROUP = '6650a1b2c3d4e5f6a7b8c910';

const s = checkedSandboxPerTest({ seed: 'examples' }); // assertions on the examples' own records

async function failure(promise: Promise<unknown>): Promise<CheckoutPageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CheckoutPageError);
  return error as CheckoutPageError;
}

describe('create, read back, update, delete', () => {
  it('creates a coupon with a new id, timestamps and the documented defaults, then lists it first', async () => {
    const coupon = await s.client.coupons.create({ label: 'Summer', code: 'SUMMER15', percentOff: 15, duration: 'once' });
    expect(coupon.id).toMatch(/^[0-9a-f]{24}$/);
    expect(coupon).toMatchObject({ code: 'SUMMER15', percentOff: 15, timesRedeemed: 0, deleted: false, appliesToTicketFees: false });
    expect(Date.parse(coupon.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const page = await s.client.coupons.list();
    expect(page.data[0]).toEqual(coupon);
    expect(page.total).toBe(3);
  });

  it('updates with a merge, and null removes a limit', async () => {
    const coupon = await s.client.coupons.create({ label: 'Cap', code: 'CAP', amountOff: 500, currency: 'eur', duration: 'forever' });
    const capped = await s.client.coupons.update(coupon.id, { maxRedemptions: 50, redeemBy: '2026-12-31T23:59:59Z' });
    expect(capped).toMatchObject({ label: 'Cap', amountOff: 500, maxRedemptions: 50, redeemBy: '2026-12-31T23:59:59Z' });
    const uncapped = await s.client.coupons.update(coupon.id, { maxRedemptions: null });
    expect(uncapped.maxRedemptions).toBeUndefined();
    expect(uncapped.redeemBy).toBe('2026-12-31T23:59:59Z');
    const [listed] = (await s.client.coupons.list({ search: 'CAP' })).data;
    expect(listed).toEqual(uncapped);
  });

  it('reads a seeded customer by id, clears fields with null and merges the address field by field', async () => {
    const jane = await s.client.customers.get(JANE);
    expect(jane).toMatchObject({ id: JANE, name: 'Jane Doe', companyName: 'Doe Design Ltd' });
    const updated = await s.client.customers.update(JANE, { companyName: null, email: 'Jane.Doe@Example.COM', address: { city: 'Leeds' } });
    expect(updated.companyName).toBeUndefined();
    expect(updated.email).toBe('jane.doe@example.com'); // documented: stored lowercased
    expect(updated.address).toEqual({ ...jane.address, city: 'Leeds' });
    expect(await s.client.customers.get(JANE)).toEqual(updated);
  });

  it('creates an event with its ticket groups and types, each readable through its own path', async () => {
    const event = await s.client.events.create({
      name: 'Sandbox Meetup',
      ticketGroups: [{ name: 'General', ticketTypes: [{ name: 'Standard', price: 1500 }, { name: 'Free', pricing: 'free' }] }],
    });
    expect(event.status).toBe('draft'); // no default in the schema: the value the create example shows
    const [group] = event.ticketGroups ?? [];
    expect(group?.ticketTypes?.map((t) => t.name)).toEqual(['Standard', 'Free']);
    const groups = await s.client.events.listTicketGroups(event.id);
    expect(groups.map((g) => g.id)).toEqual([group!.id]);
    expect(groups[0]!.ticketTypeIds).toEqual(group!.ticketTypes!.map((t) => t.id));
    const standard = await s.client.events.getTicketType(event.id, group!.id!, group!.ticketTypes![0]!.id!);
    expect(standard).toMatchObject({ name: 'Standard', price: 1500 });
    expect((await s.client.events.get(event.id)).name).toBe('Sandbox Meetup');
  });

  it('links a ticket type to another of the same body by its request-local key', async () => {
    const event = await s.client.events.create({
      name: 'Keyed',
      ticketGroups: [
        {
          name: 'Passes',
          ticketTypes: [
            { key: 'early', name: 'Early bird', price: 9900 },
            { name: 'Regular', price: 14900, availabilityBehavior: 'after_ticket_sold_out', triggerTicketTypeId: 'early' },
          ],
        },
      ],
    });
    const [early, regular] = event.ticketGroups![0]!.ticketTypes!;
    expect(regular!.triggerTicketTypeId).toBe(early!.id);
  });

  it('archives what the spec archives (events, ticket types) and deletes what it deletes (fields, endpoints)', async () => {
    const archived = await s.client.events.delete(SUMMIT);
    expect(archived.status).toBe('archived');
    expect((await s.client.events.get(SUMMIT)).status).toBe('archived');
    expect((await s.client.events.list({ status: 'archived' })).data.map((e) => e.id)).toContain(SUMMIT);

    const [type] = await s.client.events.listTicketTypes(SUMMIT, CONFERENCE_GROUP);
    expect((await s.client.events.deleteTicketType(SUMMIT, CONFERENCE_GROUP, type!.id)).status).toBe('archived');

    const [field] = await s.client.events.listFields(SUMMIT);
    expect(await s.client.events.deleteField(SUMMIT, field!.id!)).toMatchObject({ success: true });
    expect((await failure(s.client.events.getField(SUMMIT, field!.id!))).status).toBe(404);
  });

  it('returns a webhook secret only when the endpoint is created, and 404 once it is deleted', async () => {
    const created = await s.client.webhooks.create({ name: 'Orders', url: 'https://hooks.example.com/orders', events: ['payment.paid'] });
    expect(created.secret).toMatch(/^\w{10,}$/);
    const read = await s.client.webhooks.get(created.id);
    expect(read).not.toHaveProperty('secret');
    expect(await s.client.webhooks.delete(created.id)).toMatchObject({ id: created.id, status: 'active' });
    expect((await failure(s.client.webhooks.get(created.id))).status).toBe(404);
  });
});

describe('documented errors', () => {
  it('answers 404 with the error body for an unknown id, on nested paths too', async () => {
    const missing = await failure(s.client.customers.get('6812fe6e9f39b6760576f0ff'));
    expect(missing).toMatchObject({ status: 404, type: 'error' });
    expect((await failure(s.client.events.listFields('6650a1b2c3d4e5f6a7b8c9ff'))).status).toBe(404);
    // The ticket group exists, but under another event.
    expect((await failure(s.client.events.getTicketGroup('6650a1b2c3d4e5f6a7b8c9a0', CONFERENCE_GROUP))).status).toBe(404);
  });

  it('answers 409 for a coupon code or webhook URL already taken, and stores nothing', async () => {
    await s.client.coupons.create({ label: 'A', code: 'TWICE', percentOff: 5, duration: 'once' });
    const conflict = await failure(s.client.coupons.create({ label: 'B', code: 'TWICE', percentOff: 7, duration: 'once' }));
    expect(conflict.status).toBe(409);
    expect(conflict.errors).toEqual([{ param: 'code', message: 'is already taken', value: 'TWICE' }]);
    expect((await s.client.coupons.list({ search: 'TWICE' })).data.map((c) => c.label)).toEqual(['A']);

    const hook = { name: 'A', url: 'https://hooks.example.com/a', events: ['customer.updated' as const] };
    const first = await s.client.webhooks.create(hook);
    expect((await failure(s.client.webhooks.create({ ...hook, name: 'B' }))).status).toBe(409);
    const other = await s.client.webhooks.create({ ...hook, url: 'https://hooks.example.com/b' });
    expect((await failure(s.client.webhooks.update(other.id, { url: hook.url }))).status).toBe(409);
    expect((await s.client.webhooks.update(first.id, { url: hook.url })).url).toBe(hook.url); // its own URL is no conflict

    const slug = await failure(s.client.events.create({ name: 'Copy', slug: 'lisbon-product-summit-2026' }));
    expect(slug.errors).toEqual([{ param: 'slug', message: 'is already taken', value: 'lisbon-product-summit-2026' }]);
  });

  it('answers 400 with errors[] naming each bad field or parameter, and stores nothing', async () => {
    const both = await raw(s, 'POST', '/v1/coupons', { body: { label: 'X', code: 'BAD CODE', amountOff: 100, currency: 'usd', percentOff: 10, duration: 'once' } });
    expect(both.status).toBe(400);
    expect(both.body.errors.map((e: { param: string }) => e.param).sort()).toEqual(['code', 'percentOff']);
    const missing = await raw(s, 'POST', '/v1/coupons', { body: { code: 'NOLABEL', percentOff: 10, duration: 'repeating' } });
    expect(missing.body.errors.map((e: { param: string }) => e.param).sort()).toEqual(['durationInMonths', 'label']);
    const limit = await raw(s, 'GET', '/v1/coupons?limit=101');
    expect(limit.body.errors).toEqual([{ param: 'limit', message: 'must be <= 100', value: 101 }]);
    const id = await raw(s, 'GET', '/v1/customers/not-an-id');
    expect(id.body.errors[0]).toMatchObject({ param: 'customerId', value: 'not-an-id' });
    const emptyPatch = await raw(s, 'PATCH', `/v1/customers/${JANE}`, { body: {} });
    expect(emptyPatch.status).toBe(400);
    const notJson = await raw(s, 'POST', '/v1/coupons', { body: '{"label":' });
    expect(notJson.status).toBe(400);
    expect((await s.client.coupons.list()).total).toBe(2);
  });

  it('answers 401 without a key or with a malformed one', async () => {
    expect((await raw(s, 'GET', '/v1/account', { key: null })).status).toBe(401);
    const malformed = await raw(s, 'GET', '/v1/account', { headers: { Authorization: 'Basic abc' }, key: null });
    expect(malformed.status).toBe(401);
    expect(malformed.body).toMatchObject({ status: 'error', message: 'Missing or invalid API key' });
    const restricted = checkedSandbox({ apiKeys: ['sk_test_only'] });
    expect((await raw(restricted, 'GET', '/v1/account')).status).toBe(401);
    expect((await raw(restricted, 'GET', '/v1/account', { key: 'sk_test_only' })).status).toBe(200);
    expect(restricted.problems).toEqual([]);
  });

  it('answers 404 for a route the API does not have', async () => {
    expect((await raw(s, 'GET', '/v1/refunds')).status).toBe(404);
    expect((await raw(s, 'DELETE', '/v1/coupons')).status).toBe(404);
  });
});

describe('reset', () => {
  it('restores the seeded state', async () => {
    await s.client.coupons.create({ label: 'Temp', code: 'TEMP', percentOff: 5, duration: 'once' });
    await s.client.customers.update(JANE, { name: 'Someone Else' });
    s.sandbox.reset();
    expect((await s.client.coupons.list()).total).toBe(2);
    expect((await s.client.customers.get(JANE)).name).toBe('Jane Doe');
  });
});
