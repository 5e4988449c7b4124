// The seed: a fresh sandbox looks like a store in use (every top-level list pages and every
// documented enum filter finds records), its records match their schemas and link to records
// that exist, the same seed number gives the same store, and the presets and size do what they say.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths.ts';
import { quietEnv, runTs, tsxCommand } from '../../scripts/lib/run.ts';
import { freePort } from '../support/free-port.ts';
import { createSandbox } from '../../src/sandbox/index.ts';
import { ApiModel } from '../../src/sandbox/model.ts';
import { seed } from '../../src/sandbox/seed/index.ts';
import { SchemaReader, type OpenApiDocument } from '../../src/sandbox/spec.ts';
import { Store, type Resource } from '../../src/sandbox/store.ts';
import { bundle } from '../support/bundle.ts';
import { assertMatches } from '../support/schema.ts';
import { API_KEY, checkedSandbox, raw, type Checked } from './support.ts';

const model = new ApiModel(new SchemaReader(bundle as unknown as OpenApiDocument), new Set());
const TOP_LEVEL = ['payments', 'customers', 'subscriptions', 'bookings', 'tickets', 'coupons', 'products', 'submissions', 'invoices', 'checkout-pages', 'forms', 'events'];
const collection = (segment: string) => model.collections.get(`/v1/${segment}`)!;
const paginated = [...model.collections.values()].filter((c) => !c.parent && c.paginated);

function storeOf(options?: Parameters<typeof seed>[2]): Store {
  const store = new Store();
  seed(model, store, options);
  return store;
}
const records = (store: Store, segment: string) => store.list(collection(segment).key).map((e) => e.record);
const dump = (store: Store) => JSON.stringify([...model.collections.values()].map((c) => store.list(c.key)));

describe('the store seed, by its records', () => {
  const store = storeOf();
  const byId = (segment: string) => new Map(records(store, segment).map((r) => [r.id, r]));

  it('holds at least 30 records in every top-level list, 5 to 10 webhook endpoints, 5 or more themes', () => {
    for (const segment of TOP_LEVEL) expect(records(store, segment).length, segment).toBeGreaterThanOrEqual(30);
    expect(records(store, 'subscription-payments').length).toBeGreaterThanOrEqual(30);
    expect(records(store, 'webhooks').length).toBeGreaterThanOrEqual(5);
    expect(records(store, 'webhooks').length).toBeLessThanOrEqual(10);
    expect(records(store, 'themes').length).toBeGreaterThanOrEqual(5);
  });

  it('matches, record by record, the schema of its collection (Ajv, nested collections included)', () => {
    let count = 0;
    for (const c of model.collections.values()) {
      for (const entry of store.list(c.key)) {
        assertMatches(c.itemSchema!.$ref as string, entry.record);
        count++;
      }
    }
    expect(count).toBeGreaterThan(TOP_LEVEL.length * 30);
  });

  it('keeps every record of the examples, with its id and content', () => {
    const examples = storeOf({ preset: 'examples' });
    for (const c of model.collections.values()) {
      for (const entry of examples.list(c.key)) expect(store.get(c.key, entry.id, entry.scope)?.record, `${c.key} ${entry.id}`).toEqual(entry.record);
    }
  });

  it('spreads creation over months', () => {
    for (const segment of TOP_LEVEL) {
      const months = new Set(records(store, segment).map((r) => String(r.createdAt).slice(0, 7)));
      expect(months.size, segment).toBeGreaterThanOrEqual(6);
    }
  });

  it("links generated records to records that exist: a payment's customer, page and product", () => {
    const customers = byId('customers');
    const pages = byId('checkout-pages');
    const products = byId('products');
    const examples = new Set(records(storeOf({ preset: 'examples' }), 'payments').map((r) => r.id));
    for (const payment of records(store, 'payments').filter((r) => !examples.has(r.id))) {
      expect(customers.get(payment.customerId)?.email).toBe(payment.customerEmail);
      expect(pages.get(payment.pageId)?.slug).toBe(payment.pageSlug);
      expect(pages.get(payment.pageId)?.product?.id).toBe(payment.productId);
      expect(products.get(payment.productId)?.title).toBe(payment.productTitle);
    }
  });

  it("gives every booking that issues tickets its tickets, of its event's ticket types", () => {
    const tickets = records(store, 'tickets');
    const customers = byId('customers');
    const events = byId('events');
    const issuing = records(store, 'bookings').filter((b) => ['paid', 'partially_paid', 'partial_refund', 'refunded', 'canceled'].includes(b.status));
    expect(issuing.length).toBeGreaterThan(10);
    for (const booking of issuing) {
      const own = tickets.filter((t) => t.bookingId === booking.id);
      const booked = (booking.tickets as Resource[]).reduce((sum, item) => sum + item.quantity, 0);
      expect(own.length, booking.id).toBe(booked);
      const event = events.get(booking.pageId)!;
      const types = new Set(event.ticketGroups.flatMap((g: Resource) => g.ticketTypes.map((t: Resource) => t.id)));
      for (const ticket of own) {
        expect(ticket.status).toBe(booking.status === 'refunded' || booking.status === 'canceled' ? 'CANCELED' : 'PAID');
        expect(types.has(ticket.ticketTypeId), ticket.id).toBe(true);
        expect(ticket.orderId).toBe(booking.orderId);
      }
      expect(customers.get(booking.customerId)?.email, booking.id).toBe(booking.customerEmail);
      for (const ticket of own) expect(ticket.customerId).toBe(booking.customerId);
    }
  });

  it('has the customer of every record that names one, the examples\' records included', () => {
    const customers = byId('customers');
    let count = 0;
    for (const segment of ['payments', 'bookings', 'tickets', 'subscriptions', 'subscription-payments', 'submissions', 'invoices']) {
      for (const record of records(store, segment).filter((r) => typeof r.customerId === 'string')) {
        expect(customers.has(record.customerId), `${segment} ${record.id}`).toBe(true);
        count++;
      }
    }
    expect(count).toBeGreaterThan(150);
  });

  it('links the other generated records: subscriptions, their payments, submissions, invoices, coupons', () => {
    const generated = (segment: string) => {
      const examples = new Set(records(storeOf({ preset: 'examples' }), segment).map((r) => r.id));
      return records(store, segment).filter((r) => !examples.has(r.id));
    };
    const customers = byId('customers');
    const pages = byId('checkout-pages');
    const subscriptions = byId('subscriptions');
    for (const s of generated('subscriptions')) expect([customers.has(s.customerId), pages.has(s.pageId)]).toEqual([true, true]);
    for (const p of generated('subscription-payments')) expect(subscriptions.get(p.subscriptionId)?.customerId).toBe(p.customerId);
    const forms = byId('forms');
    for (const s of generated('submissions')) expect(forms.get(s.pageId)?.slug).toBe(s.pageSlug);
    const payments = byId('payments');
    for (const i of generated('invoices')) expect(payments.get(i.chargeId)?.customerId).toBe(i.customerId);
    for (const c of generated('coupons')) for (const id of c.pageIds) expect(pages.has(id)).toBe(true);
    const codes = records(store, 'coupons').map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const slugs = ['checkout-pages', 'forms', 'events'].flatMap((s) => records(store, s).map((r) => r.slug));
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('is the same store for the same seed number, another for another', () => {
    expect(dump(storeOf({ randomSeed: 7 }))).toBe(dump(storeOf({ randomSeed: 7 })));
    expect(dump(storeOf({ randomSeed: 8 }))).not.toBe(dump(storeOf({ randomSeed: 7 })));
    expect(dump(storeOf())).toBe(dump(storeOf({ randomSeed: 1, size: 30, preset: 'store' })));
  });
});

describe('the store seed, through the API', () => {
  let s: Checked;
  beforeAll(() => {
    s = checkedSandbox();
  });
  afterEach(() => {
    expect(s.problems).toEqual([]);
  });

  it('answers limit=5 with five records in every paginated top-level list, and pages back with ending_before', async () => {
    expect(paginated.length).toBeGreaterThanOrEqual(TOP_LEVEL.length);
    for (const c of paginated) {
      const first = await raw(s, 'GET', `${c.key}?limit=5`);
      expect(first.status, c.key).toBe(200);
      expect(first.body.data.length, c.key).toBe(5);
      expect(first.body.has_more, c.key).toBe(true);
      const second = await raw(s, 'GET', `${c.key}?limit=5&starting_after=${first.body.data.at(-1).id}`);
      // Webhook endpoints stay under the API's limit of 10 (6 seeded): their second page is short.
      expect(second.body.data.length, c.key).toBe(Math.min(5, first.body.total - 5));
      const back = await raw(s, 'GET', `${c.key}?limit=5&ending_before=${second.body.data[0].id}`);
      expect(back.body.data.map((r: Resource) => r.id), c.key).toEqual(first.body.data.map((r: Resource) => r.id));
    }
  });

  it('finds five paid payments with status=paid&limit=5', async () => {
    const page = await s.client.payments.list({ status: 'paid', limit: 5 });
    expect(page.data).toHaveLength(5);
    expect(page.data.every((p) => p.status === 'paid')).toBe(true);
  });

  it('finds at least two records for every value of every documented enum filter of every list', async () => {
    let filters = 0;
    for (const route of model.routes.filter((r) => r.kind === 'list' && r.collection && !r.collection.parent)) {
      for (const parameter of route.parameters.filter((p) => p.in === 'query')) {
        const values = model.reader.shape(parameter.schema).enum;
        if (!values) continue;
        filters++;
        for (const value of values) {
          const answer = await raw(s, 'GET', `${route.path}?${parameter.name}=${encodeURIComponent(String(value))}&limit=2`);
          expect(answer.status).toBe(200);
          expect(answer.body.data.length, `${route.path}?${parameter.name}=${value}`).toBe(2);
        }
      }
    }
    expect(filters).toBeGreaterThan(25);
  });

  it("runs the README's client and sandbox examples on a fresh sandbox, each succeeding", async () => {
    const fresh = checkedSandbox();
    const { client, sandbox } = fresh;
    // README, "The client": the same calls, in the same order.
    expect((await client.payments.get('6812fe6e9f39b6760576f01d')).id).toBe('6812fe6e9f39b6760576f01d');
    expect((await client.coupons.create({ label: 'Autumn', code: 'AUTUMN20', percentOff: 20, duration: 'once' })).code).toBe('AUTUMN20');
    expect(await client.subscriptions.cancel('6814b7e29f39b6760576f2c1', { cancelAtPeriodEnd: true })).toEqual({ success: true });
    expect((await client.subscriptions.get('6814b7e29f39b6760576f2c1')).cancelAtPeriodEnd).toBe(true);
    expect((await client.payments.list({ status: 'paid', limit: 100 })).data.length).toBeGreaterThanOrEqual(5);
    let paid = 0;
    for await (const p of client.payments.list({ status: 'paid', limit: 100 })) paid += p.status === 'paid' ? 1 : 0;
    expect(paid).toBeGreaterThanOrEqual(5);
    const { data, error } = await client.GET('/v1/customers/{customerId}', { params: { path: { customerId: '6812fe6e9f39b6760576f01c' } } });
    expect([data?.data.id, error]).toEqual(['6812fe6e9f39b6760576f01c', undefined]);
    // Uploads.
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
    expect((await client.files.upload({ file: jpeg, filename: 'cover.jpg', contentType: 'image/jpeg', purpose: 'image' })).id).toMatch(/^[0-9a-f]{24}$/);
    expect((await client.files.download('6632f1a0b9c8d7e6f5a4b3d1')).expiresIn).toBeGreaterThan(0);
    // README, "The sandbox" (its key is the client's, as there).
    sandbox.reset();
    sandbox.reset({ apiKey: API_KEY });
    const envelope = sandbox.trigger('payment.paid', { id: '6813a0c19f39b6760576f19b', apiKey: API_KEY });
    const bought = sandbox.purchase({ apiKey: API_KEY, pageId: '6630b3a8c4e8a91d2f7b3a22', email: 'rita@example.com' });
    const clock = sandbox.advanceClock({ apiKey: API_KEY, days: 30 });
    await sandbox.webhooksSettled();
    expect(envelope.event).toBe('payment.paid');
    expect((await client.payments.get('6813a0c19f39b6760576f19b')).status).toBe('paid');
    expect((await client.payments.get(bought.payment!.id)).status).toBe('paid');
    expect(clock.offsetMs).toBe(30 * 86_400_000);
    expect(fresh.problems).toEqual([]);
  });
});

describe('the presets and options', () => {
  const totals = async (sandbox: ReturnType<typeof createSandbox>) => {
    const out: Record<string, number> = {};
    for (const c of paginated) {
      const answer = await sandbox.handle(new Request(`https://api.checkoutpage.com${c.key}?limit=1`, { headers: { Authorization: 'Bearer sk_test_seed' } }));
      out[c.segment] = ((await answer.json()) as { total: number }).total;
    }
    return out;
  };

  it("seed: 'empty' starts with no records, and the account", async () => {
    const sandbox = createSandbox({ seed: 'empty' });
    expect(Object.values(await totals(sandbox)).every((n) => n === 0)).toBe(true);
    const account = await sandbox.handle(new Request('https://api.checkoutpage.com/v1/account', { headers: { Authorization: 'Bearer sk_test_seed' } }));
    expect(account.status).toBe(200);
  });

  it("seed: 'examples' holds only the examples' records; seedSize sets the size of every list", async () => {
    const examples = await totals(createSandbox({ seed: 'examples' }));
    expect(examples.payments).toBe(records(storeOf({ preset: 'examples' }), 'payments').length);
    expect(examples.payments).toBeLessThan(10);
    const larger = await totals(createSandbox({ seedSize: 60 }));
    for (const segment of TOP_LEVEL) expect(larger[segment], segment).toBeGreaterThanOrEqual(60);
    expect(await totals(createSandbox({ seedSize: 0 }))).toEqual(examples);
  });

  it('refuses an unknown preset or a bad size with an error naming the option', () => {
    expect(() => createSandbox({ seed: 'full' as never })).toThrow(/seed must be one of store, examples, empty/);
    expect(() => createSandbox({ seedSize: -1 })).toThrow(/seedSize/);
    expect(() => createSandbox({ randomSeed: 1.5 })).toThrow(/randomSeed/);
  });

  it('gives each sandbox of the process its own copy of the store: a change in one is not in the next', async () => {
    const headers = { Authorization: 'Bearer sk_test_seed', 'content-type': 'application/json' };
    const customerPath = 'https://api.checkoutpage.com/v1/customers/6812fe6e9f39b6760576f01c';
    const first = createSandbox();
    const changed = await first.handle(new Request(customerPath, { method: 'PATCH', headers, body: JSON.stringify({ name: 'Changed Here' }) }));
    expect(changed.status).toBe(200);
    const second = createSandbox();
    const read = (await (await second.handle(new Request(customerPath, { headers }))).json()) as { data: Resource };
    expect(read.data.name).not.toBe('Changed Here');
    expect(read.data.name).toBe(records(storeOf(), 'customers').find((c) => c.id === '6812fe6e9f39b6760576f01c')!.name);
  });

  it('reset() goes back to the generated store', async () => {
    const sandbox = createSandbox();
    const before = await totals(sandbox);
    const created = await sandbox.handle(
      new Request('https://api.checkoutpage.com/v1/coupons', {
        method: 'POST',
        headers: { Authorization: 'Bearer sk_test_seed', 'content-type': 'application/json' },
        body: JSON.stringify({ label: 'Once', code: 'ONCE5', percentOff: 5, duration: 'once' }),
      }),
    );
    expect(created.status).toBe(201);
    expect((await totals(sandbox)).coupons).toBe(before.coupons! + 1);
    sandbox.reset();
    expect(await totals(sandbox)).toEqual(before);
  });
});

describe('npm run sandbox, with the seed flags', () => {
  const script = path.join(ROOT, 'scripts/sandbox.ts');

  it('takes --seed-preset, --seed-size and --random-seed', async () => {
    const port = await freePort();
    const child = spawn(...tsxCommand(script, ['--port', String(port), '--seed-preset', 'store', '--seed-size', '35', '--random-seed', '3']), { cwd: ROOT, env: quietEnv });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    const headers = { Authorization: 'Bearer sk_test_cli_seed' };
    try {
      let answer: Response | undefined;
      for (let i = 0; i < 150 && !answer; i++) {
        answer = await fetch(`${url}/v1/payments?limit=1`, { headers }).catch(() => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100)));
      }
      expect(answer?.status).toBe(200);
      expect(((await answer!.json()) as { total: number }).total).toBe(35);
      const first = (await (await fetch(`${url}/v1/customers?limit=3`, { headers })).json()) as { data: Resource[] };
      const same = createSandbox({ seedSize: 35, randomSeed: 3 });
      const local = (await (await same.handle(new Request('https://api.checkoutpage.com/v1/customers?limit=3', { headers }))).json()) as { data: Resource[] };
      expect(first.data).toEqual(local.data);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it('refuses an unknown preset or a size that is no number, naming the flag', async () => {
    const preset = await runTs(script, ['--seed-preset', 'full'], { cwd: ROOT });
    expect(preset.code).toBe(2);
    expect(preset.stderr).toContain('Invalid --seed-preset "full": use store, examples, empty');
    const size = await runTs(script, ['--seed-size', 'ten'], { cwd: ROOT });
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('Invalid --seed-size "ten"');
  }, 60_000);
});
