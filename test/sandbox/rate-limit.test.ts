// The optional rate limit: 100 requests a minute per key, then 429 with Retry-After, which the
// client honours. A test clock moves time instead of waiting a minute.
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
});
