// Verifies a webhook delivery and returns its typed event. Uses Web Crypto (Node 20+, Deno, Bun,
// workers), so it is async: `const event = await constructWebhookEvent(rawBody, headers, secret)`.
import type { WebhookEvent } from '../generated/webhook-events.js';

export type { WebhookEvent, WebhookEventName } from '../generated/webhook-events.js';
export { WEBHOOK_EVENT_NAMES } from '../generated/webhook-events.js';

export type WebhookSignatureFailure =
  | 'missing_signature'
  | 'malformed_signature'
  | 'signature_mismatch'
  | 'missing_timestamp'
  | 'malformed_timestamp'
  | 'timestamp_out_of_tolerance'
  | 'body_not_raw'
  | 'invalid_json';

/** The delivery could not be trusted or read. Answer it with 400 and do not act on it. */
export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
  constructor(
    readonly reason: WebhookSignatureFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Headers as the Fetch API (`Headers`) or Node's `http` module (`req.headers`) give them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface ConstructWebhookEventOptions {
  /**
   * Reject deliveries whose `x-webhook-timestamp` is further than this from now, in either direction.
   * Off by default. The timestamp is not covered by the signature, so this limits accidental replays
   * of old deliveries rather than proving freshness.
   */
  toleranceSeconds?: number;
  /** The current time in milliseconds (for tests). */
  now?: () => number;
}

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

function headerValues(headers: WebhookHeaders, name: string): string[] {
  let raw: string | string[] | null | undefined;
  if (typeof (headers as Headers).get === 'function') raw = (headers as Headers).get(name);
  else {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    raw = key === undefined ? undefined : (headers as Record<string, string | string[] | undefined>)[key];
  }
  const list = raw === null || raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  // Repeated headers arrive as an array (Node) or joined with ", " (Fetch).
  return list.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

function bodyBytes(rawBody: unknown): Uint8Array<ArrayBuffer> {
  if (typeof rawBody === 'string') return new TextEncoder().encode(rawBody);
  // A copy: Web Crypto needs a plain ArrayBuffer, and a Buffer may sit on a shared pool.
  if (rawBody instanceof Uint8Array) return new Uint8Array(rawBody);
  if (rawBody instanceof ArrayBuffer) return new Uint8Array(rawBody);
  throw new WebhookSignatureError(
    'body_not_raw',
    'The webhook body must be the raw request body (string, Buffer, Uint8Array or ArrayBuffer), read before any JSON parsing.',
  );
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * Checks the HMAC-SHA256 signature of a delivery against the endpoint's secret (in constant time,
 * via Web Crypto's verify), optionally checks its timestamp, and returns the parsed event, typed as
 * a union discriminated by `event`. Throws WebhookSignatureError on any failure; its message never
 * contains the secret.
 */
export async function constructWebhookEvent(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: WebhookHeaders,
  secret: string,
  options: ConstructWebhookEventOptions = {},
): Promise<WebhookEvent> {
  if (typeof secret !== 'string' || secret === '') {
    throw new TypeError('constructWebhookEvent: `secret` is required (the signing secret returned when the webhook was created).');
  }
  const body = bodyBytes(rawBody);

  const signatures = headerValues(headers, 'x-webhook-signature');
  if (signatures.length === 0) {
    throw new WebhookSignatureError('missing_signature', 'The x-webhook-signature header is missing.');
  }
  const digests = signatures.map((value) => SIGNATURE.exec(value)?.[1]);
  if (digests.some((digest) => digest === undefined)) {
    throw new WebhookSignatureError('malformed_signature', 'The x-webhook-signature header must be "sha256=" followed by 64 hex characters.');
  }

  if (options.toleranceSeconds !== undefined) {
    const [stamp] = headerValues(headers, 'x-webhook-timestamp');
    if (stamp === undefined) throw new WebhookSignatureError('missing_timestamp', 'The x-webhook-timestamp header is missing.');
    if (!/^\d+$/.test(stamp)) {
      throw new WebhookSignatureError('malformed_timestamp', 'The x-webhook-timestamp header must be Unix time in seconds.');
    }
    const skew = Math.abs((options.now ?? Date.now)() / 1000 - Number(stamp));
    if (skew > options.toleranceSeconds) {
      throw new WebhookSignatureError(
        'timestamp_out_of_tolerance',
        `The delivery's timestamp is ${Math.round(skew)} s away from now, more than the ${options.toleranceSeconds} s tolerance.`,
      );
    }
  }

  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  let valid = false;
  for (const digest of digests) {
    if (await crypto.subtle.verify('HMAC', key, hexBytes(digest!), body)) valid = true;
  }
  if (!valid) {
    throw new WebhookSignatureError(
      'signature_mismatch',
      'The signature does not match the body: check the secret, and pass the raw body exactly as received.',
    );
  }

  let event: unknown;
  try {
    event = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new WebhookSignatureError('invalid_json', 'The signature is valid but the body is not JSON.');
  }
  if (!event || typeof event !== 'object' || typeof (event as { event?: unknown }).event !== 'string') {
    throw new WebhookSignatureError('invalid_json', 'The signature is valid but the body is not a webhook event (no `event` name).');
  }
  return event as WebhookEvent;
}
