// createCheckoutPageClient: openapi-fetch's typed GET/POST/PATCH/DELETE plus the generated resource
// API (client.payments.list(), ...), sharing one transport with auth, timeouts and retries.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { createResources, SPEC_VERSION, type Resources } from '../generated/resources.js';
import { ClientRequest, DEFAULT_RETRY_POLICY, Transport } from './transport.js';
import { Runtime } from './runtime.js';

export const DEFAULT_BASE_URL = 'https://api.checkoutpage.com';

export interface CheckoutPageClientOptions {
  /** A secret API key from Settings > API Keys. Required. */
  apiKey: string;
  /** Defaults to the production API, https://api.checkoutpage.com. */
  baseUrl?: string;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout in milliseconds (default 60 000). */
  timeoutMs?: number;
  /** How many times to retry a rate-limited, failed or unanswered request (default 2). */
  maxRetries?: number;
  /** Your application's name and version, sent before ours in the User-Agent header. */
  userAgent?: string;
}

export type CheckoutPageClient = Client<paths> & Resources;

// The runtime behind each client, kept out of the client object so that nothing reachable from it
// (inspect, JSON, logging) can show the API key.
const runtimes = new WeakMap<object, Runtime>();

export function runtimeOf(client: CheckoutPageClient): Runtime {
  const runtime = runtimes.get(client);
  if (!runtime) throw new TypeError('Expected a client made by createCheckoutPageClient()');
  return runtime;
}

function checkCount(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isFinite(value) || value < min)) {
    throw new TypeError(`createCheckoutPageClient: \`${name}\` must be a number >= ${min}, got ${String(value)}.`);
  }
}

export function createCheckoutPageClient(options: CheckoutPageClientOptions): CheckoutPageClient {
  const apiKey: unknown = options?.apiKey;
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new TypeError('createCheckoutPageClient: `apiKey` is required; create one under Settings > API Keys.');
  }
  checkCount('timeoutMs', options.timeoutMs, 1);
  checkCount('maxRetries', options.maxRetries, 0);
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const transport = new Transport(options.fetch ?? globalThis.fetch.bind(globalThis), {
    ...DEFAULT_RETRY_POLICY,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: Math.floor(options.maxRetries) } : {}),
  });
  const userAgent = [options.userAgent, `checkoutpage-openapi/${SPEC_VERSION}`].filter(Boolean).join(' ');
  const authorization = `Bearer ${apiKey}`;

  // Authentication as default headers rather than a middleware: openapi-fetch then skips its
  // middleware loop, which costs a promise step per stage of every call.
  const client = createClient<paths>({
    baseUrl,
    fetch: transport.fetchForClient,
    Request: ClientRequest,
    headers: { Authorization: authorization, 'User-Agent': userAgent },
  });

  const runtime = new Runtime(baseUrl, transport, { Authorization: authorization, 'User-Agent': userAgent });
  const full = Object.assign(client, createResources(runtime));
  runtimes.set(full, runtime);
  return full;
}
