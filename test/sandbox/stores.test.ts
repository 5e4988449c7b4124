// One store per key, as on the API: a key sees and changes only its own store's records; the
// `stores` option (and `npm run sandbox -- --store`) groups keys into one store; live-looking
// keys get a store of their own too; reset() resets every store or one.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCheckoutPageClient } from '../../src/index.ts';
import { createSandbox } from '../../src/sandbox/index.ts';
import { ROOT } from '../../scripts/lib/paths.ts';
import { quietEnv, tsxCommand } from '../../scripts/lib/run.ts';
import { bundle } from '../support/bundle.ts';
import { freePort } from '../support/free-port.ts';
import { checkedSandbox, failure, raw, type Checked } from './support.ts';

const coupon = (code: string) => ({ label: code, code, percentOff: 10, duration: 'once' as const });
const clientFor = (s: Checked, apiKey: string) => createCheckoutPageClient({ apiKey, fetch: s.fetch, maxRetries: 0 });
const codes = async (s: Checked, apiKey: string) => (await clientFor(s, apiKey).coupons.list({ limit: 100 })).data.map((c) => c.code);

describe('a store per key', () => {
  it('keeps what one key creates out of another key’s sight and reach', async () => {
    const s = checkedSandbox();
    const a = clientFor(s, 'sk_test_alpha');
    const b = clientFor(s, 'sk_test_beta');
    const seeded = await codes(s, 'sk_test_beta');
    const created = await a.coupons.create(coupon('ALPHAONLY'));
    expect(await codes(s, 'sk_test_alpha')).toContain('ALPHAONLY');
    expect(await codes(s, 'sk_test_beta')).toEqual(seeded);
    const refused = await failure(b.coupons.update(created.id, { label: 'Taken over' }));
    expect([refused.status, refused.apiMessage]).toEqual([404, 'Coupon not found']);
    // Each store has its own seed: the same code can be created in both.
    expect((await b.coupons.create(coupon('ALPHAONLY'))).id).not.toBe(created.id);
    expect((await a.coupons.list({ limit: 100 })).data.find((c) => c.id === created.id)?.label).toBe('ALPHAONLY');
    expect(s.problems).toEqual([]);
  });

  it('gives a live-looking key a store of its own, like any other key, whose new records are live', async () => {
    const s = checkedSandbox();
    const live = clientFor(s, 'sk_live_production_lookalike');
    const created = await live.coupons.create(coupon('LIVEONE'));
    expect(await codes(s, 'sk_live_production_lookalike')).toContain('LIVEONE');
    expect(await codes(s, 'sk_test_alpha')).not.toContain('LIVEONE');
    expect((await failure(clientFor(s, 'sk_test_alpha').coupons.update(created.id, { label: 'x' }))).status).toBe(404);
    const example = (bundle.components as any).examples.CreateBookingComplimentary.value;
    expect((await live.bookings.create(example)).livemode).toBe(true);
    expect((await clientFor(s, 'sk_test_alpha').bookings.create(example)).livemode).toBe(false);
    expect(s.problems).toEqual([]);
  });

  it('shares one store among the keys the `stores` option groups', async () => {
    const s = checkedSandbox({ stores: { shop: ['sk_test_a', 'sk_test_b'], other: ['sk_test_c'] } });
    await clientFor(s, 'sk_test_a').coupons.create(coupon('SHOPWIDE'));
    expect(await codes(s, 'sk_test_b')).toContain('SHOPWIDE');
    expect(await codes(s, 'sk_test_c')).not.toContain('SHOPWIDE');
    expect(await codes(s, 'sk_test_unlisted')).not.toContain('SHOPWIDE');
    expect(s.problems).toEqual([]);
  });

  it('refuses a `stores` option that cannot work, naming the place', () => {
    expect(() => createSandbox({ stores: { one: ['sk_test_a'], two: ['sk_test_b', 'sk_test_a'] } })).toThrow(
      'createSandbox: `stores.two[1]` (sk_test_a) is already in `stores.one`: a key works on one store only',
    );
    expect(() => createSandbox({ stores: { shop: [] } })).toThrow('`stores.shop` must be a non-empty array of API keys');
    expect(() => createSandbox({ stores: { shop: ['has space'] } })).toThrow('`stores.shop[0]` is not an API key');
    expect(() => createSandbox({ apiKeys: ['sk_test_a'], stores: { shop: ['sk_test_a', 'sk_test_b'] } })).toThrow(
      '`stores.shop[1]` (sk_test_b) is not one of `apiKeys`',
    );
  });
});

describe('reset()', () => {
  it('resets every store, or only the store of one key or one named group', async () => {
    const s = checkedSandbox({ stores: { shop: ['sk_test_a', 'sk_test_b'] } });
    const create = (key: string, code: string) => clientFor(s, key).coupons.create(coupon(code));
    await create('sk_test_a', 'SHOP1');
    await create('sk_test_solo', 'SOLO1');
    await create('sk_test_other', 'OTHER1');

    s.sandbox.reset({ apiKey: 'sk_test_solo' });
    expect(await codes(s, 'sk_test_solo')).not.toContain('SOLO1');
    expect(await codes(s, 'sk_test_b')).toContain('SHOP1');
    expect(await codes(s, 'sk_test_other')).toContain('OTHER1');

    s.sandbox.reset({ store: 'shop' });
    expect(await codes(s, 'sk_test_a')).not.toContain('SHOP1');
    expect(await codes(s, 'sk_test_other')).toContain('OTHER1');

    await create('sk_test_b', 'SHOP2');
    s.sandbox.reset({ apiKey: 'sk_test_a' }); // a key of the group resets the group's store
    expect(await codes(s, 'sk_test_b')).not.toContain('SHOP2');

    await create('sk_test_a', 'SHOP3');
    s.sandbox.reset();
    for (const key of ['sk_test_a', 'sk_test_other']) expect((await codes(s, key)).filter((c) => /\d$/.test(c) && /SHOP|OTHER/.test(c))).toEqual([]);

    s.sandbox.reset({ apiKey: 'sk_test_never_used' }); // nothing to reset: already seeded
    expect(() => s.sandbox.reset({ store: 'nosuchstore' })).toThrow('sandbox.reset: no store named "nosuchstore"');
    expect(s.problems).toEqual([]);
  });
});

describe('trigger() with several stores', () => {
  it('raises the event in the store of the given key, and asks for a key when several are open', async () => {
    const s = checkedSandbox();
    const a = clientFor(s, 'sk_test_a');
    const b = clientFor(s, 'sk_test_b');
    const [payment] = (await a.payments.list({ status: 'unpaid', limit: 1 })).data;
    await b.payments.list({ limit: 1 });
    expect(() => s.sandbox.trigger('payment.paid', { id: payment!.id })).toThrow('2 stores are open; pass the apiKey');
    s.sandbox.trigger('payment.paid', { id: payment!.id, apiKey: 'sk_test_a' });
    expect((await a.payments.get(payment!.id)).status).toBe('paid');
    expect((await b.payments.get(payment!.id)).status).toBe('unpaid');
    expect(s.problems).toEqual([]);
  });
});

describe('npm run sandbox -- --store', () => {
  const start = async (args: string[]) => {
    const port = await freePort();
    const child = spawn(...tsxCommand(path.join(ROOT, 'scripts/sandbox.ts'), ['--port', String(port), ...args]), { cwd: ROOT, env: quietEnv });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited, url: `http://127.0.0.1:${port}`, output: () => output };
  };

  it('groups the keys it names into one store; every other key keeps its own', async () => {
    const { child, exited, url, output } = await start(['--store', 'shop=sk_test_a,sk_test_b']);
    try {
      const headers = (key: string) => ({ Authorization: `Bearer ${key}`, 'content-type': 'application/json' });
      let ready: Response | undefined;
      for (let i = 0; i < 300 && !ready; i++) {
        ready = await fetch(`${url}/v1/account`, { headers: headers('sk_test_a') }).catch(() => new Promise<undefined>((r) => setTimeout(() => r(undefined), 100)));
      }
      expect(ready?.status).toBe(200);
      expect(output()).toContain('store shop: sk_test_a, sk_test_b');
      const post = await fetch(`${url}/v1/coupons`, { method: 'POST', headers: headers('sk_test_a'), body: JSON.stringify(coupon('CLISHOP')) });
      expect(post.status).toBe(201);
      const total = async (key: string) => ((await (await fetch(`${url}/v1/coupons?search=CLISHOP`, { headers: headers(key) })).json()) as { total: number }).total;
      expect(await total('sk_test_b')).toBe(1);
      expect(await total('sk_test_c')).toBe(0);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it('exits 2 with a message for a malformed --store or a key in two stores', async () => {
    const bad = await start(['--store', 'shop']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('Invalid --store "shop": use --store NAME=KEY[,KEY...]');
    const twice = await start(['--store', 'one=sk_test_a', '--store', 'two=sk_test_a']);
    expect(await twice.exited).toBe(2);
    expect(twice.output()).toContain('--store: `stores.two[0]` (sk_test_a) is already in `stores.one`');
  }, 60_000);
});
