// Webhook deliveries to a real receiver on this machine, verified as an application verifies them
// (constructWebhookEvent with the endpoint's secret), for changes made through the API and for
// events triggered by hand; each delivered body matches the event's schema in the spec.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { constructWebhookEvent, type WebhookEvent } from '../../src/index.ts';
import { bundle } from '../support/bundle.ts';
import { assertMatches } from '../support/schema.ts';
import { checkedSandbox, raw, type Checked } from './support.ts';

interface Received {
  body: string;
  headers: http.IncomingHttpHeaders;
}

let receiver: http.Server;
let url: string;
let received: Received[] = [];
let answerWith = 200;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      res.writeHead(answerWith).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

let s: Checked;
beforeEach(() => {
  s = checkedSandbox({ webhookRetryDelaysMs: [5, 5] });
  received = [];
  answerWith = 200;
});
afterEach(() => {
  expect(s.problems).toEqual([]);
});

/** The events received, in the order they were raised, each verified with the secret and checked against its schema in the spec. */
async function verified(secret: string): Promise<WebhookEvent[]> {
  await s.sandbox.webhooksSettled();
  const events: WebhookEvent[] = [];
  for (const { body, headers } of received) {
    const event = await constructWebhookEvent(body, headers, secret, { toleranceSeconds: 60 });
    const schema = (bundle.webhooks as any)[event.event].post.requestBody.content['application/json'].schema.$ref as string;
    assertMatches(schema, event);
    events.push(event);
  }
  // Event ids grow with each event raised, so they give its order (whatever the arrival order).
  return events.sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
}

describe('webhook deliveries', () => {
  it('signs the change of a customer with the endpoint’s secret, with the documented headers', async () => {
    const endpoint = await s.client.webhooks.create({ name: 'Local', url, events: ['customer.updated'], customHeaders: { 'x-team': 'growth' } });
    await s.client.customers.update('6812fe6e9f39b6760576f01c', { phone: '+447700900999' });
    const [event] = await verified(endpoint.secret);
    expect(event?.event).toBe('customer.updated');
    if (event?.event !== 'customer.updated') return;
    expect(event.data.customer).toMatchObject({ id: '6812fe6e9f39b6760576f01c', phone: '+447700900999' });
    expect(event.eventId).toBe(event.event_id);
    const headers = received[0]!.headers;
    expect(headers['x-webhook-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(headers['x-webhook-delivery-attempt']).toBe('1');
    expect(Number(headers['x-webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    expect(headers['x-team']).toBe('growth');
    await expect(constructWebhookEvent(received[0]!.body, headers, 'not-the-secret')).rejects.toThrow(/signature/);
    expect(await s.client.webhooks.get(endpoint.id)).toMatchObject({ deliveryCount: 1, successCount: 1, failureCount: 0 });
  });

  it('delivers only the events an active endpoint subscribes to', async () => {
    const endpoint = await s.client.webhooks.create({ name: 'Bookings', url, events: ['booking.created'] });
    await s.client.customers.update('6812fe6e9f39b6760576f01c', { phone: '+447700900111' }); // not subscribed
    const example = (bundle.components as any).examples.CreateBookingInvoice.value;
    const booking = await s.client.bookings.create(example);
    const events = await verified(endpoint.secret);
    expect(events.map((e) => e.event)).toEqual(['booking.created']);
    expect((events[0] as Extract<WebhookEvent, { event: 'booking.created' }>).data.booking.id).toBe(booking.id);

    await s.client.webhooks.update(endpoint.id, { status: 'inactive' });
    received = [];
    await s.client.bookings.create(example);
    await s.sandbox.webhooksSettled();
    expect(received).toEqual([]);
  });

  it('raises the status event of a change: cancelling a subscription now sends subscription.canceled', async () => {
    const endpoint = await s.client.webhooks.create({ name: 'Subs', url, events: ['subscription.canceled'] });
    await s.client.subscriptions.cancel('6814b7e29f39b6760576f2c1', { cancelImmediately: true });
    const [event] = await verified(endpoint.secret);
    expect(event?.event).toBe('subscription.canceled');
  });

  it('retries a failed delivery with the attempt number, and counts the failure', async () => {
    const endpoint = await s.client.webhooks.create({ name: 'Flaky', url, events: ['customer.updated'] });
    answerWith = 500;
    await s.client.customers.update('6812fe6e9f39b6760576f01c', { phone: '+447700900222' });
    await s.sandbox.webhooksSettled();
    expect(received.map((r) => r.headers['x-webhook-delivery-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(received.map((r) => JSON.parse(r.body).eventId)).size).toBe(1);
    expect(s.sandbox.deliveries.map((d) => [d.attempt, d.status, d.ok])).toEqual([[1, 500, false], [2, 500, false], [3, 500, false]]);
    expect(await s.client.webhooks.get(endpoint.id)).toMatchObject({ deliveryCount: 1, failureCount: 1 });
  });
});

describe('deliveries for pages, products and submissions', () => {
  const page = { name: 'Portfolio review', slug: 'portfolio-review', productData: { title: 'One-hour critique', price: { amount: 9000, currency: 'gbp' } } };

  it('sends checkout_page.created and product.created for a new page, and checkout_page.updated when it changes or is archived', async () => {
    const events = ['checkout_page.created', 'checkout_page.updated', 'product.created', 'product.updated'] as const;
    const endpoint = await s.client.webhooks.create({ name: 'Pages', url, events: [...events] });
    const created = await s.client.checkoutPages.create(page);
    await s.client.checkoutPages.update(created.id, { name: 'Portfolio review (1 h)' });
    await s.client.checkoutPages.delete(created.id);
    const delivered = await verified(endpoint.secret);
    expect(delivered.map((e) => e.event)).toEqual(['checkout_page.created', 'product.created', 'checkout_page.updated', 'checkout_page.updated']);
    const [pageCreated, productCreated, renamed, archived] = delivered as Array<Extract<WebhookEvent, { event: (typeof events)[number] }>>;
    if (pageCreated?.event === 'checkout_page.created') expect(pageCreated.data.checkoutPage.product?.id).toBe(created.product!.id);
    if (productCreated?.event === 'product.created') expect(productCreated.data.product?.title).toBe('One-hour critique');
    if (renamed?.event === 'checkout_page.updated') expect(renamed.data.checkoutPage.name).toBe('Portfolio review (1 h)');
    if (archived?.event === 'checkout_page.updated') expect(archived.data.checkoutPage.status).toBe('archived');
  });

  it('sends product.updated, not checkout_page.updated, for a change to a page’s product', async () => {
    const created = await s.client.checkoutPages.create(page);
    const endpoint = await s.client.webhooks.create({ name: 'Products', url, events: ['checkout_page.updated', 'product.updated'] });
    await s.client.products.update(created.product!.id, { title: 'Two-hour critique' });
    const delivered = await verified(endpoint.secret);
    expect(delivered.map((e) => e.event)).toEqual(['product.updated']);
    if (delivered[0]?.event === 'product.updated') expect(delivered[0].data.product).toMatchObject({ id: created.product!.id, title: 'Two-hour critique' });
  });

  it('delivers submission events raised with trigger(), from the data given or the stored submission', async () => {
    const endpoint = await s.client.webhooks.create({ name: 'Forms', url, events: ['submission.created', 'submission.updated'] });
    const [seeded] = (await s.client.submissions.list({ limit: 1 })).data;
    const submission = { ...seeded!, id: '6817a1c39f39b6760576f3b1', createdAt: new Date().toISOString() };
    s.sandbox.trigger('submission.created', { data: { submission } });
    s.sandbox.trigger('submission.updated', { id: seeded!.id });
    const delivered = await verified(endpoint.secret);
    expect(delivered.map((e) => [e.event, (e.data as { submission: { id: string } }).submission.id])).toEqual([
      ['submission.created', submission.id],
      ['submission.updated', seeded!.id],
    ]);
    expect((await s.client.submissions.get(submission.id)).id).toBe(submission.id);
  });
});

describe('events the API raises on its own', () => {
  it('trigger() marks a payment paid and delivers payment.paid', async () => {
    const endpoint = await s.client.webhooks.create({ name: 'Payments', url, events: ['payment.paid'] });
    const unpaid = '6813a0c19f39b6760576f19b';
    const envelope = s.sandbox.trigger('payment.paid', { id: unpaid });
    expect(envelope.event).toBe('payment.paid');
    const [event] = await verified(endpoint.secret);
    expect(event?.eventId).toBe(envelope.eventId);
    if (event?.event !== 'payment.paid') return;
    expect(event.data.payment).toMatchObject({ id: unpaid, status: 'paid' });
    expect((await s.client.payments.get(unpaid)).status).toBe('paid');
  });

  it('POST /_sandbox/events does the same over HTTP (with the key of the store), and rejects unknown events', async () => {
    const endpoint = await s.client.webhooks.create({ name: 'Subs', url, events: ['subscription.active'] });
    expect((await raw(s, 'POST', '/_sandbox/events', { body: { event: 'subscription.active' }, key: null })).status).toBe(401);
    const answer = await raw(s, 'POST', '/_sandbox/events', { body: { event: 'subscription.active' } });
    expect(answer.status).toBe(200);
    const [event] = await verified(endpoint.secret);
    expect(event?.eventId).toBe(answer.body.data.eventId);
    expect((await raw(s, 'POST', '/_sandbox/events', { body: { event: 'payment.refunded' } })).status).toBe(400);
  });
});

describe('webhook endpoint URLs', () => {
  it('accepts loopback http URLs only (a sandbox relaxation); other http URLs stay rejected', async () => {
    for (const local of ['http://localhost:3000/hooks', 'http://127.0.0.1/x', 'http://[::1]:8080/']) {
      expect((await s.client.webhooks.create({ name: local, url: local, events: ['customer.created'] })).url).toBe(local);
    }
    const remote = await raw(s, 'POST', '/v1/webhooks', { body: { name: 'Remote', url: 'http://hooks.example.com/x', events: ['customer.created'] } });
    expect(remote.status).toBe(400);
    expect(remote.body.errors[0].param).toBe('url');
  });
});
