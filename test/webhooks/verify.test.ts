// constructWebhookEvent against deliveries signed here with the endpoint secret. The payloads are
// the spec's own examples, one per event in the bundle's `webhooks` map.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { constructWebhookEvent, WEBHOOK_EVENT_NAMES, WebhookSignatureError } from '../../src/index.ts';
import { bundle } from '../support/bundle.ts';

const SECRET = 'whsec_6Yc1m2Qp8sLr4TzVn0Kd';
const NOW = Date.parse('2026-03-14T10:22:06Z');
const nowSeconds = String(NOW / 1000);

const sign = (body: string | Uint8Array, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function headersFor(body: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'x-webhook-signature': sign(body), 'x-webhook-timestamp': nowSeconds, 'x-webhook-delivery-attempt': '1', ...extra };
}

// Every webhook's named example, as Checkout Page would send it.
const deliveries = Object.entries(bundle.webhooks ?? {}).map(([event, item]) => {
  const examples = (item as any).post.requestBody.content['application/json'].examples as Record<string, { $ref?: string; value?: unknown }>;
  const [first] = Object.values(examples);
  const value = first?.$ref
    ? (bundle as any).components.examples[first.$ref.split('/').pop()!].value
    : first?.value;
  return { event, body: JSON.stringify(value) };
});

const sample = deliveries.find((d) => d.event === 'payment.paid') ?? deliveries[0]!;

async function failure(promise: Promise<unknown>): Promise<WebhookSignatureError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookSignatureError);
  expect(String((error as Error).message)).not.toContain(SECRET);
  return error as WebhookSignatureError;
}

describe('valid deliveries', () => {
  it('cover all 24 events of the spec, the same list the client exports', () => {
    expect(deliveries.map((d) => d.event)).toEqual([...WEBHOOK_EVENT_NAMES]);
    expect(deliveries).toHaveLength(24);
  });

  it.each(deliveries)('$event parses, keeps its payload and narrows by `event`', async ({ event, body }) => {
    const parsed = await constructWebhookEvent(body, headersFor(body), SECRET);
    expect(parsed).toEqual(JSON.parse(body));
    expect(parsed.event).toBe(event);
  });

  it('accepts the body as bytes (Buffer, Uint8Array, ArrayBuffer) as well as a string', async () => {
    const bytes = new TextEncoder().encode(sample.body);
    for (const raw of [Buffer.from(sample.body), bytes, bytes.buffer.slice(0)]) {
      await expect(constructWebhookEvent(raw, headersFor(sample.body), SECRET)).resolves.toMatchObject({ event: sample.event });
    }
  });

  it('reads headers in any letter case, from a Headers object or a Node-style record with arrays', async () => {
    const h = headersFor(sample.body);
    const upper = Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toUpperCase(), v]));
    const arrays = Object.fromEntries(Object.entries(h).map(([k, v]) => [k, [v]]));
    for (const headers of [upper, arrays, new Headers(h)]) {
      await expect(constructWebhookEvent(sample.body, headers, SECRET)).resolves.toMatchObject({ event: sample.event });
    }
  });

  it('accepts a delivery when one of several signature values matches', async () => {
    const headers = { 'x-webhook-signature': [sign(sample.body, 'whsec_old_secret_value'), sign(sample.body)] };
    await expect(constructWebhookEvent(sample.body, headers, SECRET)).resolves.toMatchObject({ event: sample.event });
  });

  it('accepts a timestamp within the tolerance', async () => {
    const headers = headersFor(sample.body, { 'x-webhook-timestamp': String(NOW / 1000 - 200) });
    await expect(constructWebhookEvent(sample.body, headers, SECRET, { toleranceSeconds: 300, now: () => NOW })).resolves.toBeTruthy();
  });
});

describe('rejected deliveries', () => {
  it('a tampered body', async () => {
    const tampered = sample.body.replace(/"amount":\d+/, '"amount":1');
    expect(tampered).not.toBe(sample.body);
    const error = await failure(constructWebhookEvent(tampered, headersFor(sample.body), SECRET));
    expect(error.reason).toBe('signature_mismatch');
  });

  it('a body signed with another secret', async () => {
    const headers = { ...headersFor(sample.body), 'x-webhook-signature': sign(sample.body, 'whsec_someone_else') };
    expect((await failure(constructWebhookEvent(sample.body, headers, SECRET))).reason).toBe('signature_mismatch');
  });

  it('a missing signature header', async () => {
    const { 'x-webhook-signature': _, ...headers } = headersFor(sample.body);
    const error = await failure(constructWebhookEvent(sample.body, headers, SECRET));
    expect(error).toMatchObject({ reason: 'missing_signature', message: 'The x-webhook-signature header is missing.' });
  });

  it('a signature without the sha256= prefix', async () => {
    const headers = { ...headersFor(sample.body), 'x-webhook-signature': sign(sample.body).slice('sha256='.length) };
    expect((await failure(constructWebhookEvent(sample.body, headers, SECRET))).reason).toBe('malformed_signature');
  });

  it('a signature that is not hex', async () => {
    const headers = { ...headersFor(sample.body), 'x-webhook-signature': `sha256=${'z'.repeat(64)}` };
    expect((await failure(constructWebhookEvent(sample.body, headers, SECRET))).reason).toBe('malformed_signature');
  });

  it('a stale timestamp beyond the tolerance', async () => {
    const headers = headersFor(sample.body, { 'x-webhook-timestamp': String(NOW / 1000 - 301) });
    const error = await failure(constructWebhookEvent(sample.body, headers, SECRET, { toleranceSeconds: 300, now: () => NOW }));
    expect(error.reason).toBe('timestamp_out_of_tolerance');
  });

  it('a timestamp in the future beyond the tolerance', async () => {
    const headers = headersFor(sample.body, { 'x-webhook-timestamp': String(NOW / 1000 + 301) });
    const error = await failure(constructWebhookEvent(sample.body, headers, SECRET, { toleranceSeconds: 300, now: () => NOW }));
    expect(error.reason).toBe('timestamp_out_of_tolerance');
  });

  it('a missing or malformed timestamp when a tolerance is set', async () => {
    const { 'x-webhook-timestamp': _, ...noStamp } = headersFor(sample.body);
    const options = { toleranceSeconds: 300, now: () => NOW };
    expect((await failure(constructWebhookEvent(sample.body, noStamp, SECRET, options))).reason).toBe('missing_timestamp');
    const bad = headersFor(sample.body, { 'x-webhook-timestamp': '2026-03-14T10:22:06Z' });
    expect((await failure(constructWebhookEvent(sample.body, bad, SECRET, options))).reason).toBe('malformed_timestamp');
  });

  it('a correctly signed body that is not JSON', async () => {
    const body = 'event=payment.paid';
    expect((await failure(constructWebhookEvent(body, headersFor(body), SECRET))).reason).toBe('invalid_json');
  });

  it('a body that was already parsed by a JSON middleware', async () => {
    const parsed = JSON.parse(sample.body) as unknown;
    const error = await failure(constructWebhookEvent(parsed as string, headersFor(sample.body), SECRET));
    expect(error.reason).toBe('body_not_raw');
  });

  it('never echoes the secret, even when it is the wrong one', async () => {
    const headers = headersFor(sample.body);
    const error = await failure(constructWebhookEvent(sample.body, headers, 'whsec_wrong_but_secret'));
    expect(JSON.stringify(error) + String(error) + error.stack).not.toContain('whsec_wrong_but_secret');
  });
});
