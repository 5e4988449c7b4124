// createSandbox(): a local, stateful fake of the whole API, driven by the bundle. One engine per
// store (a store per key unless `stores` groups keys), built on what the spec gives, compiled once;
// three doors: `sandbox.fetch` (pass it to the client), `sandbox.handle(request)` (Mock Service
// Worker) and `sandbox.listen(port)` (HTTP, as `npm run sandbox` does). The layer here reads the
// key, applies the rate limits, picks the key's store and routes the /_sandbox/ control routes.
import { ACTIONS } from './actions/index.js';
import { CompiledSpec } from './compiled.js';
import { controlRoute, type ControlDoor } from './control.js';
import type { Delivery, DeliveryOptions, WebhookEnvelope } from './deliveries.js';
import { Engine } from './engine.js';
import { ApiError, errorResponse } from './errors.js';
import { checkRequestSize } from './limits.js';
import { GENERIC } from './generic.js';
import { RateLimiter, type RateLimit } from './rate-limit.js';
import { apiKeyOf, toRequest } from './request.js';
import { RULES } from './rules/index.js';
import { serve, type SandboxServer } from './server.js';
import { loadBundledSpec, type OpenApiDocument } from './spec.js';
import { checkGroups, Stores, type OpenStore } from './stores.js';
import { advanceClock, clockState, type ClockAdvance, type ClockState } from './purchases/advance.js';
import { purchase } from './purchases/purchase.js';
import type { PurchaseInput, PurchaseResult } from './purchases/types.js';

/** Names the store a sandbox-only method acts on: the store of this API key, as for requests. */
export interface StoreOption {
  apiKey?: string;
}
import { seedOptions, type SeedPreset } from './seed/options.js';

export interface SandboxOptions {
  /**
   * The OpenAPI document to simulate. Default: the bundle this package ships, read from disk once
   * per process (pass it yourself where code is bundled away from the package's files).
   */
  spec?: object;
  /** Accept only these API keys (default: any `Authorization: Bearer <key>`). */
  apiKeys?: string[];
  /**
   * Keys that share a store, by store name: `{ shop: ['sk_test_a', 'sk_test_b'] }`. Every other
   * key gets a store of its own, created and seeded on its first request.
   */
  stores?: Record<string, string[]>;
  /**
   * The API's rate limits: `true` for 100 requests a minute per key and 500 per store, or your
   * own limits and window.
   */
  rateLimit?: boolean | RateLimit;
  /** The clock, in milliseconds since 1970 (default `Date.now`), for tests that move time. */
  now?: () => number;
  /** Sends webhook deliveries (default: the global `fetch`). */
  webhookFetch?: typeof globalThis.fetch;
  /** Pauses before each retry of a failed delivery (default `[1000, 5000]`: three attempts in all). */
  webhookRetryDelaysMs?: number[];
  /** How long a delivery attempt waits for the receiver (default 10 000 ms). */
  webhookTimeoutMs?: number;
  /**
   * Called with each store's engine once it is made (on the first use of its key), and its name
   * (the group's name of the `stores` option, else the key): the CLI loads its `--seed` and
   * `--state` files here. The engine is the sandbox's internals, not a stable API.
   */
  onStore?: (engine: Engine, name: string) => void;
  /** How many webhook delivery attempts `deliveries` keeps, the newest (default 1 000). */
  webhookLogSize?: number;
  /** The starting records: `store` (default: examples and generated records), `examples` (only the spec's) or `empty`. */
  seed?: SeedPreset;
  /** With `seed: 'store'`: records per top-level list, examples included (default 30). */
  seedSize?: number;
  /** With `seed: 'store'`: the generator's seed (default 1); the same number gives the same records. */
  randomSeed?: number;
}

/** Which store: the one an API key works on, or a store the `stores` option names. */
export type StoreTarget = { apiKey: string } | { store: string };

export interface Sandbox {
  /** A `fetch` answered by the sandbox, whatever the host: `createCheckoutPageClient({ apiKey, fetch: sandbox.fetch })`. */
  fetch: typeof globalThis.fetch;
  /** Answers one request, for Mock Service Worker: `http.all('https://api.checkoutpage.com/*', ({ request }) => sandbox.handle(request))`. */
  handle(request: Request): Promise<Response>;
  /**
   * Back to the seeded state, every store or one: created records, uploads, deliveries and
   * rate-limit counts are dropped.
   */
  reset(target?: StoreTarget): void;
  /** Serves the sandbox over HTTP (port 0 picks a free one; host default 127.0.0.1). */
  listen(port?: number, host?: string): Promise<SandboxServer>;
  /**
   * Raises an event the API sends on its own, such as `payment.paid`, in the store of `apiKey`
   * (needed once more than one store is open), for the record `id` (else the event's example
   * record), or with your own `data`; the record takes the status the event names. Returns the
   * envelope; deliveries go out in the background (see `webhooksSettled`).
   */
  trigger(event: string, options?: { id?: string; data?: Record<string, unknown>; apiKey?: string }): WebhookEnvelope;
  /** Resolves once every webhook delivery under way, in every store, retries included, has finished. */
  webhooksSettled(): Promise<void>;
  /**
   * A customer buying from a checkout page, event or form: the records the API would make (customer,
   * payment, booking and tickets, subscription, submission), then that purchase's webhooks in order.
   * Throws an `ApiError` (`status`, `message`, `errors`: what the control route answers) where the API would refuse the sale.
   */
  purchase(input: PurchaseInput & StoreOption): PurchaseResult;
  /** Moves the store's clock forward (`{ms}`, `{days}` or `{to}`): trials end, subscriptions renew or end. */
  advanceClock(by: ClockAdvance & StoreOption): ClockState;
  /** The store's time and how far it is ahead of the `now` option. */
  clock(options?: StoreOption): ClockState;
  /** Every delivery attempt so far, store by store, oldest first within each. */
  readonly deliveries: readonly Delivery[];
}

let bundled: OpenApiDocument | undefined;
/** Compiled once per document, so sandboxes and stores created later cost only their seeding. */
const compiled = new WeakMap<object, CompiledSpec>();
const ACTION_IDS = new Set(Object.keys(ACTIONS));

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const doc = (options.spec as OpenApiDocument | undefined) ?? (bundled ??= loadBundledSpec());
  let spec = compiled.get(doc);
  if (!spec) compiled.set(doc, (spec = new CompiledSpec(doc, ACTION_IDS)));
  const now = options.now ?? Date.now;
  const allowed = options.apiKeys ? new Set(options.apiKeys) : undefined;
  const rateLimit = options.rateLimit === true ? {} : options.rateLimit || undefined;
  const limiter = rateLimit ? new RateLimiter(rateLimit, now) : undefined;
  const webhooks: DeliveryOptions = {
    fetch: options.webhookFetch ?? ((input, init) => globalThis.fetch(input, init)),
    retryDelaysMs: options.webhookRetryDelaysMs ?? [1000, 5000],
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    // Signatures carry the machine's time, so receivers still verify after advanceClock().
    sentAt: Date.now,
    logSize: options.webhookLogSize ?? 1000,
  };
  // Checked now, so a bad option fails createSandbox rather than a key's first request.
  const seed = seedOptions({ preset: options.seed, size: options.seedSize, randomSeed: options.randomSeed });
  const stores = new Stores(checkGroups(options.stores, allowed), (name) => {
    const engine = new Engine({ spec, now, webhooks, actions: ACTIONS, generic: GENERIC, rules: RULES, seed });
    options.onStore?.(engine, name);
    return engine;
  });

  const resetStore = (store: OpenStore) => {
    store.engine.reset();
    limiter?.reset({ store: store.name, apiKeys: store.apiKeys });
  };
  const door: ControlDoor = {
    storeOf: (request) => {
      const store = stores.of(apiKeyOf(request, allowed));
      return { engine: store.engine, reset: () => resetStore(store) };
    },
    engines: () => stores.all().map((s) => s.engine),
  };

  const handle = async (request: Request): Promise<Response> => {
    try {
      checkRequestSize(request);
      const url = new URL(request.url);
      const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
      // The control routes are the sandbox's own: not counted against the API's rate limits.
      if (pathname.startsWith('/_sandbox/')) return await controlRoute(door, request, url, pathname);
      const apiKey = apiKeyOf(request, allowed);
      const store = stores.of(apiKey);
      const wait = limiter?.take(apiKey, store.name);
      if (wait !== undefined) throw new ApiError(429, 'Rate Limit Exceeded - Please try again later.', undefined, { 'retry-after': String(wait) });
      return await store.engine.handle(request, url, pathname, apiKey);
    } catch (error) {
      return errorResponse(error);
    }
  };

  /** The store a sandbox-only method acts on: the key's, else the only one open. */
  const storeFor = (apiKey: string | undefined, method: string): OpenStore => {
    if (apiKey !== undefined) return stores.of(apiKey);
    const open = stores.all();
    if (open.length === 1) return open[0]!;
    throw new Error(
      open.length === 0
        ? `sandbox.${method}: no store is open yet; pass the apiKey whose store it acts on`
        : `sandbox.${method}: ${open.length} stores are open; pass the apiKey whose store it acts on`,
    );
  };

  return {
    fetch: async (input, init) => {
      const request = toRequest(input, init);
      return request instanceof Response ? request : handle(request);
    },
    handle,
    reset: (target) => {
      if (!target) {
        for (const store of stores.all()) store.engine.reset();
        limiter?.reset();
        return;
      }
      const store = stores.find(target);
      if (store) resetStore(store);
      else if ('store' in target && !stores.isGroup(target.store) && stores.all().every((s) => s.name !== target.store)) {
        throw new Error(`sandbox.reset: no store named "${target.store}" (the names are those of the \`stores\` option, or a key that has been used)`);
      }
      // A key or group whose store is not open yet is already in its seeded state.
    },
    listen: (port = 0, host = '127.0.0.1') => serve(handle, port, host),
    trigger: (event, { apiKey, ...triggerOptions } = {}) => storeFor(apiKey, 'trigger').engine.webhooks.trigger(event, triggerOptions),
    webhooksSettled: async () => {
      await Promise.all(stores.all().map((s) => s.engine.webhooks.deliveries.settled()));
    },
    purchase: ({ apiKey, ...input }) => purchase(storeFor(apiKey, 'purchase').engine, input, apiKey),
    advanceClock: ({ apiKey, ...by }) => advanceClock(storeFor(apiKey, 'advanceClock').engine, by, apiKey),
    clock: ({ apiKey } = {}) => clockState(storeFor(apiKey, 'clock').engine),
    get deliveries() {
      return stores.all().flatMap((s) => s.engine.webhooks.deliveries.log);
    },
  };
}
