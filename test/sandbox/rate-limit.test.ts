// The optional rate limits: 100 requests a minute per key and 500 per store (all its keys
// together), each then 429 with Retry-After, which the client honours. A test clock moves time
// instead of waiting a minute.
import { afterEach, describe, expect, it } from 'vitest';
import { CheckoutPageError, createCheckoutPageClient } from '../../src/index.ts';
import { checkedSandbox, raw, type Checked } from './support.ts';

let s: Checked;
afterEach(() => {
  expect(s.problems).toEqual([]);
});

describe('--rate-limit', () => {
  it('answers 429 with Retry-After after 100 requests in a minute, per key, until the window moves on', async () => {
    let now = Date.parse('2026-06-01T12:00:00Z');
    s = checkedSandbox({ rateLimit: true, now: () => now });
    for (let i = 0; i < 100; i++) {
      now += 100;
      expect((await raw(s, 'GET', '/v1/account')).status).toBe(200);
    }
    const limited = await raw(s, 'GET', '/v1/account');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('51'); // the oldest request leaves the window 50.1 s from now
    expect(limited.body).toMatchObject({ status: 'error', message: 'Rate Limit Exceeded - Please try again later.' });
    expect((await raw(s, 'GET', '/v1/account', { key: 'sk_test_other' })).status).toBe(200);

    const error = await s.client.account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckoutPageError);
    expect((error as CheckoutPageError).status).toBe(429);

    now += 51_000;
    expect((await raw(s, 'GET', '/v1/account')).status).toBe(200);
  });

  it('lets the client retry after Retry-After, and is off unless asked for', async () => {
    let now = 0;
    s = checkedSandbox({ rateLimit: { limit: 1, windowMs: 1000 }, now: () => now });
    const client = createCheckoutPageClient({ apiKey: 'sk_test_retry', fetch: s.fetch, maxRetries: 1 });
    await client.account.get();
    setTimeout(() => (now += 1000), 0); // the window moves on while the client waits Retry-After (1 s)
    expect((await client.account.get()).id).toBeDefined();

    s = checkedSandbox();
    for (let i = 0; i < 150; i++) expect((await raw(s, 'GET', '/v1/account')).status).toBe(200);
  });

  it('reset() clears the counts', async () => {
    s = checkedSandbox({ rateLimit: { limit: 2 } });
    await raw(s, 'GET', '/v1/account');
    await raw(s, 'GET', '/v1/account');
    expect((await raw(s, 'GET', '/v1/account')).status).toBe(429);
    s.sandbox.reset();
    expect((await raw(s, 'GET', '/v1/account')).status).toBe(200);
  });

  it('also limits a store to 500 requests a minute, all its keys together, while other stores go on', async () => {
    let now = Date.parse('2026-06-01T12:00:00Z');
    const keys = ['sk_test_k1', 'sk_test_k2', 'sk_test_k3', 'sk_test_k4', 'sk_test_k5', 'sk_test_k6'];
    s = checkedSandbox({ rateLimit: true, now: () => now, stores: { shop: keys } });
    // 500 requests over 50 s, at most 84 per key: every key stays under its own 100.
    for (let i = 0; i < 500; i++) {
      now += 100;
      const answer = await raw(s, 'GET', '/v1/account', { key: keys[i % keys.length] });
      if (answer.status !== 200) throw new Error(`request ${i + 1} answered ${answer.status}`);
    }
    const limited = await raw(s, 'GET', '/v1/account', { key: 'sk_test_k6' }); // k6 has sent 83
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('11'); // the store's oldest request leaves the window 10.1 s from now
    expect(limited.body).toMatchObject({ status: 'error', message: 'Rate Limit Exceeded - Please try again later.' });
    expect((await raw(s, 'GET', '/v1/account', { key: 'sk_test_k1' })).status).toBe(429);
    expect((await raw(s, 'GET', '/v1/account', { key: 'sk_test_elsewhere' })).status).toBe(200); // another store
    now += 11_000;
    expect((await raw(s, 'GET', '/v1/account', { key: 'sk_test_k6' })).status).toBe(200);
  });

  it('answers with the longer wait when a key and its store are both over their limits', async () => {
    let now = 0;
    s = checkedSandbox({ rateLimit: { limit: 2, storeLimit: 3, windowMs: 10_000 }, now: () => now, stores: { shop: ['sk_test_a', 'sk_test_b'] } });
    const get = async (key: string, at: number) => {
      now = at;
      const answer = await raw(s, 'GET', '/v1/account', { key });
      return answer.status === 429 ? `429 after ${answer.headers.get('retry-after')}` : String(answer.status);
    };
    expect(await get('sk_test_b', 0)).toBe('200');
    expect(await get('sk_test_a', 1000)).toBe('200');
    expect(await get('sk_test_a', 2000)).toBe('200');
    // a is full until its t=1 s leaves (8 s), the store until its t=0 leaves (7 s): the longer wins.
    expect(await get('sk_test_a', 3000)).toBe('429 after 8');
    expect(await get('sk_test_b', 3000)).toBe('429 after 7'); // b is under its own limit, not the store
    // t=0 has left: the store has room, a does not until t=11 s.
    expect(await get('sk_test_a', 10_500)).toBe('429 after 1');
    expect(await get('sk_test_b', 10_500)).toBe('200');
    expect(await get('sk_test_a', 11_500)).toBe('200');
    expect(await get('sk_test_b', 11_600)).toBe('429 after 1'); // the store is full again (t=2, 10.5, 11.5 s)
    s.sandbox.reset({ store: 'shop' });
    expect(await get('sk_test_b', 11_600)).toBe('200');
  });
});
