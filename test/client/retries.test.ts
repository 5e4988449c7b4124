// Retries, timeouts and errors of the client runtime, against a scripted loopback server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckoutPageConnectionError,
  CheckoutPageError,
  CheckoutPageTimeoutError,
  createCheckoutPageClient,
} from '../../src/index.ts';
import { json, reset, silence, stalledBody, startFaultServer, text, type FaultServer } from '../support/fault-server.ts';

const API_KEY = 'sk_test_51SuperSecretKeyValue';
const paymentId = '6812fe6e9f39b6760576f01d';
const payment = { id: paymentId, status: 'paid', amount: 1000, taxBreakdown: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const rateLimited = json(429, { status: 'error', type: 'error', message: 'Rate Limit Exceeded - Please try again later.' }, { 'retry-after': '0' });

let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());

const client = (options: { maxRetries?: number; timeoutMs?: number } = {}) =>
  createCheckoutPageClient({ apiKey: API_KEY, baseUrl: server.url, ...options });

describe('retries', () => {
  it('retries 429 twice, honouring Retry-After: 0, then succeeds (3 requests)', async () => {
    server.script(rateLimited, rateLimited, json(200, { data: payment }));
    const started = Date.now();
    await expect(client().payments.get(paymentId)).resolves.toEqual(payment);
    expect(server.requests).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('retries a rate-limited POST too, sending the same body again each time', async () => {
    server.script(rateLimited, json(200, { data: { id: paymentId } }));
    const body = { phone: '+447700900456' };
    await client().customers.update(paymentId, body);
    expect(server.requests.map((r) => [r.method, r.body])).toEqual([
      ['PATCH', JSON.stringify(body)],
      ['PATCH', JSON.stringify(body)],
    ]);
  });

  it('does not retry a POST answered 500: exactly one request, then CheckoutPageError', async () => {
    server.script(json(500, { status: 'error', type: 'error', message: 'Internal server error' }), json(200, { data: {} }));
    const error = await client().customers.update(paymentId, { name: 'Jane' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckoutPageError);
    expect(error).toMatchObject({ status: 500, method: 'PATCH', path: `/v1/customers/${paymentId}` });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a GET answered 503, then succeeds', async () => {
    server.script(text(503, 'Service Unavailable', 'text/plain'), json(200, { data: payment }));
    await expect(client().payments.get(paymentId)).resolves.toEqual(payment);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a GET whose connection was reset, then succeeds', async () => {
    server.script(reset, json(200, { data: payment }));
    await expect(client().payments.get(paymentId)).resolves.toEqual(payment);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a PATCH whose connection was reset, and says it could not connect', async () => {
    server.script(reset, json(200, { data: {} }));
    const error = await client().customers.update(paymentId, { name: 'Jane' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckoutPageConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it('never retries more than maxRetries times', async () => {
    server.script(text(502, 'Bad Gateway', 'text/plain'));
    const error = await client({ maxRetries: 1 }).payments.get(paymentId).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502 });
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on a Retry-After longer than it is willing to wait, returning the 429 at once', async () => {
    server.script(json(429, { status: 'error', type: 'error', message: 'Slow down' }, { 'retry-after': '3600' }));
    const error = await client().payments.get(paymentId).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, apiMessage: 'Slow down' });
    expect(server.requests).toHaveLength(1);
  });

  it('retries through the typed openapi-fetch methods as well', async () => {
    server.script(rateLimited, json(200, { data: payment }));
    const { data } = await client().GET('/v1/payments/{paymentId}', { params: { path: { paymentId } } });
    expect(data).toEqual({ data: payment });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('resends the whole JSON body when the typed client retries a rate-limited PATCH', async () => {
    server.script(rateLimited, json(200, { data: { id: paymentId } }));
    const body = { phone: '+447700900456' };
    const { response } = await client().PATCH('/v1/customers/{customerId}', { params: { path: { customerId: paymentId } }, body });
    expect(response.status).toBe(200);
    expect(server.requests.map((r) => [r.method, r.body, r.headers['content-type']])).toEqual([
      ['PATCH', JSON.stringify(body), 'application/json'],
      ['PATCH', JSON.stringify(body), 'application/json'],
    ]);
  });

  it('sends the key and the User-Agent on every attempt of the typed methods', async () => {
    server.script(rateLimited, json(200, { data: payment }));
    await createCheckoutPageClient({ apiKey: API_KEY, baseUrl: server.url, userAgent: 'shop/2.1' }).GET('/v1/payments/{paymentId}', { params: { path: { paymentId } } });
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.headers['user-agent']).toMatch(/^shop\/2\.1 checkoutpage-openapi\//);
    }
  });
});

describe('timeouts and cancellation', () => {
  it('aborts an attempt after timeoutMs with a clear timeout error', async () => {
    server.script(silence);
    const error = await client({ timeoutMs: 150, maxRetries: 0 }).payments.get(paymentId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckoutPageTimeoutError);
    expect((error as Error).message).toBe(`GET /v1/payments/${paymentId}: no response within 150 ms (timeoutMs)`);
  });

  it('times out a body that stops arriving after the headers, with the same timeout error', async () => {
    server.script(stalledBody);
    const started = Date.now();
    const error = await client({ timeoutMs: 200, maxRetries: 0 }).payments.get(paymentId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckoutPageTimeoutError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("stops at once, without retrying, when the caller's AbortSignal fires", async () => {
    server.script(silence);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user navigated away')), 50);
    const error = await client({ timeoutMs: 10_000 }).payments.get(paymentId, {}, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('user navigated away');
    expect(server.requests).toHaveLength(1);
  });

  it('times out the typed methods too, with the same timeout error', async () => {
    server.script(silence);
    const error = await client({ timeoutMs: 150, maxRetries: 0 }).GET('/v1/payments/{paymentId}', { params: { path: { paymentId } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckoutPageTimeoutError);
  });

  it("stops the typed methods at once when the caller's AbortSignal fires", async () => {
    server.script(silence);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user navigated away')), 50);
    const error = await client({ timeoutMs: 10_000 })
      .GET('/v1/payments/{paymentId}', { params: { path: { paymentId } }, signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('user navigated away');
    expect(server.requests).toHaveLength(1);
  });
});

describe('CheckoutPageError', () => {
  it('carries the API error body: status, type, message, errors, method and path', async () => {
    const body = { status: 'error', type: 'error', message: 'Invalid request parameters', errors: [{ param: 'email', message: 'Invalid email address', value: 'jane@' }] };
    server.script(json(400, body));
    const error = (await client().customers.update(paymentId, { email: 'jane@example.com' }).catch((e: unknown) => e)) as CheckoutPageError;
    expect(error).toBeInstanceOf(CheckoutPageError);
    expect(error).toMatchObject({ status: 400, type: 'error', apiMessage: 'Invalid request parameters', errors: body.errors, method: 'PATCH' });
    expect(error.message).toBe(`PATCH /v1/customers/${paymentId} failed with 400: Invalid request parameters`);
    expect(JSON.parse(error.rawBody)).toEqual(body);
  });

  it('handles an HTML error page from a proxy', async () => {
    server.script(text(502, '<html><body><h1>502 Bad Gateway</h1></body></html>'));
    const error = (await client({ maxRetries: 0 }).payments.get(paymentId).catch((e: unknown) => e)) as CheckoutPageError;
    expect(error).toMatchObject({ status: 502, type: 'http_error', errors: [] });
    expect(error.message).toBe(`GET /v1/payments/${paymentId} failed with 502: The response body is not the API error format`);
    expect(error.rawBody).toContain('<h1>502 Bad Gateway</h1>');
  });

  it('handles an empty error body', async () => {
    server.script(text(404, '', 'application/json'));
    const error = (await client().payments.get(paymentId).catch((e: unknown) => e)) as CheckoutPageError;
    expect(error).toMatchObject({ status: 404, type: 'http_error', rawBody: '', apiMessage: 'Empty response body' });
  });

  it('handles invalid JSON', async () => {
    server.script(text(400, '{"status":"error","mess', 'application/json'));
    const error = (await client().payments.get(paymentId).catch((e: unknown) => e)) as CheckoutPageError;
    expect(error).toMatchObject({ status: 400, type: 'http_error', rawBody: '{"status":"error","mess' });
  });

  it('falls back to the `error` key of the older 401 body', async () => {
    server.script(json(401, { error: 'Unauthorized', message: undefined }));
    const error = (await client().payments.get(paymentId).catch((e: unknown) => e)) as CheckoutPageError;
    expect(error.apiMessage).toBe('Unauthorized');
  });
});
