// The control routes (/_sandbox/...): each needs a key and acts on that key's store only, and
// every answer matches their own description, generated/sandbox-openapi.json (checked by the
// support's fetch, as the API's answers are checked against the API's description).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckoutPageClient } from '../../src/index.ts';
import { API_KEY, checkedSandbox, checkedSandboxPerTest, controlDoc, raw } from './support.ts';

const OTHER_KEY = 'sk_test_other_store';
const s = checkedSandboxPerTest({ webhookRetryDelaysMs: [] });

let receiver: http.Server;
let hookUrl: string;
beforeAll(async () => {
  receiver = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe('the description of the control routes', () => {
  it('names the routes with the operationIds tools call, each of them served', async () => {
    const operations = Object.entries(controlDoc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId?: string }>)
        .filter(([method]) => ['get', 'post'].includes(method))
        .map(([method, op]) => `${op.operationId} ${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual([
      'advanceSandboxClock POST /_sandbox/clock',
      'createSandboxPurchase POST /_sandbox/purchases',
      'getSandboxClock GET /_sandbox/clock',
      'getSandboxFile GET /_sandbox/files/{fileId}',
      'getSandboxPayPage GET /_sandbox/pay/{slug}',
      'listSandboxDeliveries GET /_sandbox/deliveries',
      'resetSandboxStore POST /_sandbox/reset',
      'triggerSandboxEvent POST /_sandbox/events',
    ]);
    const file = await s.client.files.upload({ file: new File(['x'], 'x.txt', { type: 'text/plain' }), purpose: 'file' });
    expect((await raw(s, 'POST', '/_sandbox/events', { body: { event: 'customer.created' } })).status).toBe(200);
    expect((await raw(s, 'GET', '/_sandbox/deliveries')).status).toBe(200);
    expect((await raw(s, 'GET', `/_sandbox/files/${file.id}`)).status).toBe(200);
    expect((await raw(s, 'GET', '/_sandbox/clock')).status).toBe(200);
    expect((await raw(s, 'POST', '/_sandbox/clock', { body: { days: 1 } })).status).toBe(200);
    expect((await raw(s, 'POST', '/_sandbox/reset')).status).toBe(200);
  });
});

describe('a key is needed', () => {
  it('answers 401 to every control route without a key or with a refused one, and 404 to an unknown one', async () => {
    for (const [method, path] of [
      ['POST', '/_sandbox/reset'],
      ['POST', '/_sandbox/events'],
      ['GET', '/_sandbox/deliveries'],
      ['GET', '/_sandbox/files/6632f1a0b9c8d7e6f5a4b3d1'],
      ['POST', '/_sandbox/purchases'],
      ['GET', '/_sandbox/clock'],
      ['POST', '/_sandbox/clock'],
      ['GET', '/_sandbox/pay/lisbon-design-summit'],
    ] as const) {
      const answer = await raw(s, method, path, { key: null, body: method === 'POST' ? { event: 'payment.paid' } : undefined });
      expect([path, answer.status]).toEqual([path, 401]);
      expect(answer.body.message).toBe('Missing or invalid API key');
    }
    expect((await raw(s, 'POST', '/_sandbox/nothing-here')).status).toBe(404);
  });
});

describe('resetSandboxStore', () => {
  it('resets the store of the key only', async () => {
    const other = createCheckoutPageClient({ apiKey: OTHER_KEY, fetch: s.fetch, maxRetries: 0 });
    await s.client.coupons.create({ label: 'Mine', code: 'MINE1', percentOff: 5, duration: 'once' });
    await other.coupons.create({ label: 'Theirs', code: 'THEIRS1', percentOff: 5, duration: 'once' });
    const answer = await raw(s, 'POST', '/_sandbox/reset');
    expect(answer).toMatchObject({ status: 200, body: { data: { reset: true } } });
    expect((await s.client.coupons.list({ search: 'MINE1' })).total).toBe(0);
    expect((await other.coupons.list({ search: 'THEIRS1' })).total).toBe(1);
  });
});

describe('triggerSandboxEvent and listSandboxDeliveries', () => {
  it('raise the event in the key’s store and list that store’s deliveries only', async () => {
    const endpoint = await s.client.webhooks.create({ name: 'Mine', url: hookUrl, events: ['subscription.active'] });
    const other = createCheckoutPageClient({ apiKey: OTHER_KEY, fetch: s.fetch, maxRetries: 0 });
    await other.webhooks.create({ name: 'Theirs', url: hookUrl, events: ['subscription.active'] });

    const raised = await raw(s, 'POST', '/_sandbox/events', { body: { event: 'subscription.active' } });
    expect(raised.status).toBe(200);
    await s.sandbox.webhooksSettled();
    const mine = await raw(s, 'GET', '/_sandbox/deliveries');
    expect(mine.body.data).toEqual([
      { eventId: raised.body.data.eventId, event: 'subscription.active', endpointId: endpoint.id, url: hookUrl, attempt: 1, status: 204, ok: true },
    ]);
    expect((await raw(s, 'GET', '/_sandbox/deliveries', { key: OTHER_KEY })).body.data).toEqual([]);

    // endpointId keeps one endpoint's attempts, in a store where another endpoint has some too.
    const second = await s.client.webhooks.create({ name: 'Mine too', url: `${hookUrl}/2`, events: ['subscription.active'] });
    await raw(s, 'POST', '/_sandbox/events', { body: { event: 'subscription.active' } });
    await s.sandbox.webhooksSettled();
    expect((await raw(s, 'GET', '/_sandbox/deliveries')).body.data).toHaveLength(3);
    const one = await raw(s, 'GET', `/_sandbox/deliveries?endpointId=${second.id}`);
    expect(one.body.data.map((d: { endpointId: string }) => d.endpointId)).toEqual([second.id]);

    const bad = await raw(s, 'POST', '/_sandbox/events', { body: { nothing: true } });
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ param: 'event', message: 'is required' }] } });
    expect((await raw(s, 'POST', '/_sandbox/events', { body: { event: 'payment.paid', id: '6813a0c19f39b6760576f1ff' } })).status).toBe(404);
  });
});

describe('getSandboxFile', () => {
  it('serves a file to its store’s key or to the token of its link, and to nobody else', async () => {
    const file = await s.client.files.upload({ file: new File(['store secret'], 'secret.txt', { type: 'text/plain' }), purpose: 'file' });
    const own = await s.fetch(`https://api.checkoutpage.com/_sandbox/files/${file.id}`, { headers: { Authorization: `Bearer ${API_KEY}` } });
    expect([own.status, await own.text()]).toEqual([200, 'store secret']);
    expect((await raw(s, 'GET', `/_sandbox/files/${file.id}`, { key: OTHER_KEY })).status).toBe(404);

    const link = await s.client.files.download(file.id);
    const token = new URL(link.url).searchParams.get('token');
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const byLink = await s.fetch(link.url);
    expect([byLink.status, byLink.headers.get('content-disposition'), await byLink.text()]).toEqual([200, "attachment; filename=\"secret.txt\"; filename*=UTF-8''secret.txt", 'store secret']);
    expect((await raw(s, 'GET', `/_sandbox/files/${file.id}?token=${'0'.repeat(32)}`, { key: null })).status).toBe(404);

    s.sandbox.reset();
    expect((await s.fetch(link.url)).status).toBe(404); // the store was reset: the upload is gone
  });
});

describe('rate limits', () => {
  it('never count the control routes', async () => {
    const limited = Object.assign(s, checkedSandbox({ rateLimit: { limit: 2, storeLimit: 2 } }));
    for (let i = 0; i < 5; i++) expect((await raw(limited, 'POST', '/_sandbox/reset')).status).toBe(200);
    expect((await raw(limited, 'GET', '/v1/account')).status).toBe(200);
    expect((await raw(limited, 'GET', '/v1/account')).status).toBe(200);
    expect((await raw(limited, 'GET', '/v1/account')).status).toBe(429);
    expect((await raw(limited, 'GET', '/_sandbox/deliveries')).status).toBe(200);
    // Resetting the store through its route also forgets its counts.
    expect((await raw(limited, 'POST', '/_sandbox/reset')).status).toBe(200);
    expect((await raw(limited, 'GET', '/v1/account')).status).toBe(200);
  });
});
