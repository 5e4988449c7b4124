// One test per defect found by trying the sandbox as a new user and as an attacker would: each
// failed before its fix. In-process through the project's client or raw requests, checked against
// the spec like every sandbox test; HTTP-only behaviour is in hostile-http.test.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertMatches } from '../support/schema.ts';
import { checkedSandboxPerTest, raw } from './support.ts';

const s = checkedSandboxPerTest({ webhookRetryDelaysMs: [5, 5] });

/**
 * A request straight to the sandbox, for answers the spec cannot document per operation (the
 * transport limits 413, 414 and 415): the tests check their body against the API's error schema.
 */
const unchecked = (method: string, path: string, body?: string, contentType = 'application/json') =>
  s.sandbox.fetch(`https://api.checkoutpage.com${path}`, {
    method,
    headers: { authorization: 'Bearer sk_test_x', ...(body === undefined ? {} : { 'content-type': contentType }) },
    body,
  });

describe('what the API sets itself never comes from a body', () => {
  it('stores a coupon created with timesRedeemed and deleted as the API would: 0 and false', async () => {
    const created = await raw(s, 'POST', '/v1/coupons', {
      body: { label: 'Sneaky', code: 'SNEAKY1', percentOff: 10, duration: 'once', timesRedeemed: -7, deleted: true, stripeCouponId: 'mine', sellerId: '6812fe6e9f39b6760576f0aa' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ timesRedeemed: 0, deleted: false, sellerId: '6630b2f1c4e8a91d2f7b3a10' });
    expect(created.body.data.stripeCouponId).not.toBe('mine');
    const listed = await s.client.coupons.list({ limit: 100 });
    expect(listed.data.find((c) => c.code === 'SNEAKY1')).toMatchObject({ timesRedeemed: 0, deleted: false });
  });

  it('gives a new webhook endpoint its own status, counters and API version', async () => {
    const created = await raw(s, 'POST', '/v1/webhooks', {
      body: { name: 'n', url: 'https://example.com/sneaky', events: ['customer.created'], status: 'disabled', deliveryCount: 99, failureCount: 5, apiVersion: '1999-01-01' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ status: 'active', deliveryCount: 0, failureCount: 0, apiVersion: 'v1' });
  });

  it('makes a theme sent with scope global the store’s own, which stays editable', async () => {
    const created = await raw(s, 'POST', '/v1/themes', { body: { name: 'Not global', scope: 'global', deprecated: true } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ scope: 'seller', deprecated: false });
    const updated = await raw(s, 'PATCH', `/v1/themes/${created.body.data.id}`, { body: { name: 'Still mine' } });
    expect(updated.status).toBe(200);
  });

  it('refuses __proto__ in a body (400 naming it) and never lets it reach a record', async () => {
    const before = await s.client.taxRates.list();
    const answer = await raw(s, 'POST', '/v1/tax-rates', { body: '{"displayName":"Proto","percentage":5,"inclusive":false,"__proto__":{"default":"yes"}}' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ param: '__proto__' }));
    expect(await s.client.taxRates.list()).toEqual(before);
    expect(({} as Record<string, unknown>).default).toBeUndefined();
  });

  it('refuses a number too large to be finite (400), rather than storing null', async () => {
    const coupon = (await s.client.coupons.list({ limit: 1 })).data[0]!;
    const answer = await raw(s, 'PATCH', `/v1/coupons/${coupon.id}`, { body: '{"maxRedemptions": 1e400}' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ param: 'maxRedemptions' }));
    expect((await s.client.coupons.list({ limit: 1 })).data[0]).toEqual(coupon);
  });
});

describe('limits, each answered with the API’s error body', () => {
  it('answers 413 to a 5 MB label without storing it', async () => {
    const response = await unchecked('POST', '/v1/coupons', JSON.stringify({ label: 'a'.repeat(5 * 1024 * 1024), code: 'HUGE', percentOff: 5, duration: 'once' }));
    expect(response.status).toBe(413);
    assertMatches('#/components/schemas/ApiError', await response.json());
    expect((await s.client.coupons.list({ limit: 100 })).data.some((c) => c.code === 'HUGE')).toBe(false);
  });

  it('answers 400 to 10 000 levels of nesting, in-process too: fetch resolves, nothing leaks', async () => {
    const before = await s.client.coupons.list({ limit: 100 });
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const response = await s.sandbox.fetch('https://api.checkoutpage.com/v1/coupons', {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_x', 'content-type': 'application/json' },
      body: deep,
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/Maximum call stack|RangeError/);
    expect(JSON.parse(text)).toMatchObject({ status: 'error', errors: [{ param: 'body', message: expect.stringContaining('deeper') }] });
    expect((await s.client.coupons.list({ limit: 100 })).data).toHaveLength(before.data.length);
  });

  it('answers 415 to a JSON body sent as text/plain, for every JSON operation alike', async () => {
    const response = await unchecked('POST', '/v1/coupons', JSON.stringify({ label: 'Plain', code: 'PLAIN2', percentOff: 5, duration: 'once' }), 'text/plain');
    expect(response.status).toBe(415);
    assertMatches('#/components/schemas/ApiError', await response.json());
    expect((await s.client.coupons.list({ limit: 100 })).data.some((c) => c.code === 'PLAIN2')).toBe(false);
  });

  it('answers a JSON 414 to a 100 KB query string, in-process', async () => {
    const response = await unchecked('GET', `/v1/coupons?search=${'a'.repeat(100_000)}`);
    expect(response.status).toBe(414);
    assertMatches('#/components/schemas/ApiError', await response.json());
    // A long query within the limit is still answered.
    expect((await s.client.coupons.list({ search: 'a'.repeat(2000) })).data).toEqual([]);
  });
});

describe('documented limits and defaults', () => {
  it('refuses an 11th webhook endpoint (400): a store has at most 10', async () => {
    const existing = (await s.client.webhooks.list()).data.length;
    for (let i = existing; i < 10; i++) {
      expect((await raw(s, 'POST', '/v1/webhooks', { body: { name: `e${i}`, url: `https://example.com/e${i}`, events: ['customer.created'] } })).status).toBe(201);
    }
    const eleventh = await raw(s, 'POST', '/v1/webhooks', { body: { name: 'e10', url: 'https://example.com/e10', events: ['customer.created'] } });
    expect(eleventh.status).toBe(400);
    expect(eleventh.body.message).toMatch(/10/);
    expect((await s.client.webhooks.list()).data).toHaveLength(10);
  });

  it.each([
    ['x-webhook-signature', 'sha256=forged'],
    ['X-Webhook-Timestamp', '1'],
    ['x-webhook-delivery-attempt', '9'],
    ['Content-Type', 'text/plain'],
    ['content-length', '1'],
    ['bad header', 'x'],
    ['x-ok', 'line\r\nInjected: yes'],
  ])('refuses the custom header %s (400 naming it), on create and on update', async (name, value) => {
    const created = await raw(s, 'POST', '/v1/webhooks', { body: { name: 'h', url: 'https://example.com/h', events: ['customer.created'], customHeaders: { [name]: value } } });
    expect(created.status).toBe(400);
    expect(created.body.errors).toContainEqual(expect.objectContaining({ param: `customHeaders.${name}` }));
    const endpoint = (await s.client.webhooks.list()).data[0]!;
    const updated = await raw(s, 'PATCH', `/v1/webhooks/${endpoint.id}`, { body: { customHeaders: { [name]: value } } });
    expect(updated.status).toBe(400);
    expect(await s.client.webhooks.get(endpoint.id)).toEqual(endpoint);
  });

  it('gives a field created without element the spec’s default, text', async () => {
    const page = (await s.client.checkoutPages.list({ limit: 1 })).data[0]!;
    const field = await raw(s, 'POST', `/v1/checkout-pages/${page.id}/fields`, { body: { label: 'Anything else?' } });
    expect(field.status).toBe(201);
    expect(field.body.data.element).toBe('text');
  });
});

describe('webhook deliveries', () => {
  let first: http.Server;
  let second: http.Server;
  const hits: string[] = [];
  let firstUrl = '';
  let secondUrl = '';

  beforeAll(async () => {
    second = http.createServer((req, res) => {
      hits.push(`second ${req.method}`);
      req.resume();
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => second.listen(0, '127.0.0.1', resolve));
    secondUrl = `http://127.0.0.1:${(second.address() as AddressInfo).port}/elsewhere`;
    first = http.createServer((req, res) => {
      hits.push(`first ${req.method}`);
      req.resume();
      res.writeHead(307, { location: secondUrl }).end();
    });
    await new Promise<void>((resolve) => first.listen(0, '127.0.0.1', resolve));
    firstUrl = `http://127.0.0.1:${(first.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => first.close(() => resolve()));
    await new Promise<void>((resolve) => second.close(() => resolve()));
  });

  it('never follows a redirect: a 307 is a failed attempt, and the signed body goes nowhere else', async () => {
    const endpoint = await raw(s, 'POST', '/v1/webhooks', { body: { name: 'r', url: firstUrl, events: ['customer.updated'] } });
    expect(endpoint.status).toBe(201);
    const customer = (await s.client.customers.list({ limit: 1 })).data[0]!;
    await s.client.customers.update(customer.id, { name: 'Redirected' });
    await s.sandbox.webhooksSettled();
    expect(hits.filter((h) => h.startsWith('second'))).toEqual([]);
    expect(hits.filter((h) => h.startsWith('first'))).toHaveLength(3);
    const attempts = s.sandbox.deliveries.filter((d) => d.endpointId === endpoint.body.data.id);
    expect(attempts.map((d) => [d.status, d.ok])).toEqual([[307, false], [307, false], [307, false]]);
    expect((await s.client.webhooks.get(endpoint.body.data.id)).failureCount).toBe(1);
  });
});

describe('files', () => {
  it.each(['résumé.pdf', '履歷.pdf', 'quote"and\\slash.pdf'])('stores %s and downloads it with its name intact', async (name) => {
    const form = new FormData();
    form.append('purpose', 'file');
    form.append('file', new File(['%PDF-1.4 hello'], name, { type: 'application/pdf' }));
    const uploaded = await s.fetch('https://api.checkoutpage.com/v1/files/upload', { method: 'POST', headers: { authorization: 'Bearer sk_test_x' }, body: form });
    expect(uploaded.status).toBe(201);
    const file = ((await uploaded.json()) as any).data;
    expect(file.name).toBe(name);
    const server = await s.sandbox.listen(0);
    try {
      const response = await fetch(`${server.url}/_sandbox/files/${file.id}`, { headers: { authorization: 'Bearer sk_test_x' } });
      expect(response.status).toBe(200);
      const disposition = response.headers.get('content-disposition')!;
      const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
      expect(decodeURIComponent(encoded)).toBe(name);
      expect(await response.text()).toBe('%PDF-1.4 hello');
    } finally {
      await server.close();
    }
  });
});

describe('the in-process doors always resolve to a Response', () => {
  it.each([
    ['a URL that does not parse', 'not a url', {}],
    ['a GET with a body', 'https://api.checkoutpage.com/v1/coupons', { method: 'GET', body: '{}' }],
    ['a header value that is not a ByteString', 'https://api.checkoutpage.com/v1/coupons', { headers: { 'x-name': '履歷' } }],
  ] as const)('answers 400 to %s', async (_, input, init) => {
    const response = await s.sandbox.fetch(input, init as RequestInit);
    expect(response.status).toBe(400);
    assertMatches('#/components/schemas/ApiError', await response.json());
    expect((await s.client.coupons.list({ limit: 1 })).data).toHaveLength(1);
  });
});

describe('what already held and must keep holding', () => {
  it('gives exactly one 201 to 100 parallel creates of one coupon code, the others 409', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => raw(s, 'POST', '/v1/coupons', { body: { label: `Race ${i}`, code: 'RACE100', percentOff: 5, duration: 'once' } })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(99);
    expect((await s.client.coupons.list({ limit: 100 })).data.filter((c) => c.code === 'RACE100')).toHaveLength(1);
  });
});
