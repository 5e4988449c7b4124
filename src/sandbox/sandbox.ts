// createSandbox(): a local, stateful fake of the whole API, driven by the bundle. One engine,
// three doors: `sandbox.fetch` (pass it to the client), `sandbox.handle(request)` (Mock Service
// Worker) and `sandbox.listen(port)` (HTTP, as `npm run sandbox` does).
import { ACTIONS } from './actions/index.js';
import { Engine } from './engine.js';
import { GENERIC } from './generic.js';
import type { RateLimit } from './rate-limit.js';
import { RULES } from './rules/index.js';
import { serve, type SandboxServer } from './server.js';
import { loadBundledSpec, type OpenApiDocument } from './spec.js';
import type { Delivery, WebhookEnvelope } from './deliveries.js';
import type { SeedPreset } from './seed/index.js';

export interface SandboxOptions {
  /**
   * The OpenAPI document to simulate. Default: the bundle this package ships, read from disk once
   * per process (pass it yourself where code is bundled away from the package's files).
   */
  spec?: object;
  /** Accept only these API keys (default: any `Authorization: Bearer <key>`). */
  apiKeys?: string[];
  /** Limit requests per API key: `true` for the API's 100 a minute, or your own limit and window. */
  rateLimit?: boolean | RateLimit;
  /** The clock, in milliseconds since 1970 (default `Date.now`), for tests that move time. */
  now?: () => number;
  /** Sends webhook deliveries (default: the global `fetch`). */
  webhookFetch?: typeof globalThis.fetch;
  /** Pauses before each retry of a failed delivery (default `[1000, 5000]`: three attempts in all). */
  webhookRetryDelaysMs?: number[];
  /** How long a delivery attempt waits for the receiver (default 10 000 ms). */
  webhookTimeoutMs?: number;
  /** The starting records: `store` (default: examples and generated records), `examples` (only the spec's) or `empty`. */
  seed?: SeedPreset;
  /** With `seed: 'store'`: records per top-level list, examples included (default 30). */
  seedSize?: number;
  /** With `seed: 'store'`: the generator's seed (default 1); the same number gives the same records. */
  randomSeed?: number;
}

export interface Sandbox {
  /** A `fetch` answered by the sandbox, whatever the host: `createCheckoutPageClient({ apiKey, fetch: sandbox.fetch })`. */
  fetch: typeof globalThis.fetch;
  /** Answers one request, for Mock Service Worker: `http.all('https://api.checkoutpage.com/*', ({ request }) => sandbox.handle(request))`. */
  handle(request: Request): Promise<Response>;
  /** Back to the seeded state: created records, uploads, deliveries and rate-limit counts are dropped. */
  reset(): void;
  /** Serves the sandbox over HTTP (port 0 picks a free one; host default 127.0.0.1). */
  listen(port?: number, host?: string): Promise<SandboxServer>;
  /**
   * Raises an event the API sends on its own, such as `payment.paid`, for the record `id` (else the
   * event's example record), or with your own `data`; the record takes the status the event names.
   * Returns the envelope; deliveries go out in the background (see `webhooksSettled`).
   */
  trigger(event: string, options?: { id?: string; data?: Record<string, unknown> }): WebhookEnvelope;
  /** Resolves once every webhook delivery under way, retries included, has finished. */
  webhooksSettled(): Promise<void>;
  /** Every delivery attempt so far, oldest first. */
  readonly deliveries: readonly Delivery[];
}

let bundled: OpenApiDocument | undefined;

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const doc = (options.spec as OpenApiDocument | undefined) ?? (bundled ??= loadBundledSpec());
  const rateLimit = options.rateLimit === true ? {} : options.rateLimit || undefined;
  const engine = new Engine({
    doc,
    now: options.now ?? Date.now,
    ...(options.apiKeys ? { apiKeys: new Set(options.apiKeys) } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    webhooks: {
      fetch: options.webhookFetch ?? ((input, init) => globalThis.fetch(input, init)),
      retryDelaysMs: options.webhookRetryDelaysMs ?? [1000, 5000],
      timeoutMs: options.webhookTimeoutMs ?? 10_000,
    },
    actions: ACTIONS,
    generic: GENERIC,
    rules: RULES,
    seed: { preset: options.seed, size: options.seedSize, randomSeed: options.randomSeed },
  });
  const handle = (request: Request) => engine.handle(request);
  return {
    fetch: (input, init) => handle(new Request(input, init)),
    handle,
    reset: () => engine.reset(),
    listen: (port = 0, host = '127.0.0.1') => serve(handle, port, host),
    trigger: (event, triggerOptions) => engine.webhooks.trigger(event, triggerOptions),
    webhooksSettled: () => engine.webhooks.deliveries.settled(),
    get deliveries() {
      return engine.webhooks.deliveries.log;
    },
  };
}
