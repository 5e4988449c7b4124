// Sends requests with a per-attempt timeout and bounded retries. Used both by openapi-fetch (as its
// `fetch`) and directly by the resource API, which skips building a Request for speed.
import { CheckoutPageConnectionError, CheckoutPageTimeoutError } from './errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  maxRetries: number;
  /** Per-attempt timeout in milliseconds (default 60 000). */
  timeoutMs: number;
  /** First backoff step; doubles each retry, with full jitter (default 500). */
  baseDelayMs: number;
  /** Longest wait between attempts; a longer Retry-After is not waited for (default 60 000). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, timeoutMs: 60_000, baseDelayMs: 500, maxDelayMs: 60_000 };

// Methods that are safe to send twice: a 5xx or a dropped connection may hide a request that worked.
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

/** Milliseconds to wait according to a Retry-After header (seconds or an HTTP date), if it has one. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: a random wait between 0 and base * 2^retry, capped. */
export function backoffMs(retry: number, policy: RetryPolicy, random = Math.random): number {
  return Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));
}

const sleep = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export interface Attempt {
  method: string;
  /** Path for error messages, without the query string. */
  path: string;
  /** The caller's signal, if any: aborting it stops the request and any retry. */
  signal?: AbortSignal | null;
  /** Per-call timeout override. */
  timeoutMs?: number;
  /** Makes one attempt's fetch, given a signal that fires on timeout or caller abort. */
  send(signal: AbortSignal): Promise<Response>;
}

export class Transport {
  readonly #fetch: typeof fetch;
  readonly #policy: RetryPolicy;

  constructor(fetchImpl: typeof fetch, policy: RetryPolicy) {
    this.#fetch = fetchImpl;
    this.#policy = policy;
  }

  get fetch(): typeof fetch {
    return this.#fetch;
  }

  /** Runs attempts until one gives a final answer. Returns the Response (2xx or not); throws on connection failure. */
  async run(attempt: Attempt): Promise<Response> {
    const { maxRetries } = this.#policy;
    const timeoutMs = attempt.timeoutMs ?? this.#policy.timeoutMs;
    const idempotent = IDEMPOTENT.has(attempt.method);
    for (let retry = 0; ; retry++) {
      const canRetry = retry < maxRetries;
      let response: Response;
      try {
        response = await this.#once(attempt, timeoutMs);
      } catch (error) {
        if (attempt.signal?.aborted || !canRetry || !idempotent) throw error;
        await sleep(backoffMs(retry, this.#policy), attempt.signal);
        continue;
      }
      if (!canRetry) return response;
      let wait: number | undefined;
      if (response.status === 429) {
        // Rate limited: the request was not processed, so any method may be sent again.
        const hinted = retryAfterMs(response.headers.get('retry-after'));
        if (hinted !== undefined && hinted > this.#policy.maxDelayMs) return response;
        wait = hinted ?? backoffMs(retry, this.#policy);
      } else if (response.status >= 500 && idempotent) {
        wait = backoffMs(retry, this.#policy);
      }
      if (wait === undefined) return response;
      await response.body?.cancel().catch(() => undefined);
      await sleep(wait, attempt.signal);
    }
  }

  async #once(attempt: Attempt, timeoutMs: number): Promise<Response> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const caller = attempt.signal;
    const onAbort = () => controller.abort(caller!.reason);
    if (caller) {
      if (caller.aborted) controller.abort(caller.reason);
      else caller.addEventListener('abort', onAbort, { once: true });
    }
    try {
      return await attempt.send(controller.signal);
    } catch (error) {
      if (timedOut) throw new CheckoutPageTimeoutError(attempt.method, attempt.path, timeoutMs);
      if (caller?.aborted) throw caller.reason ?? error;
      throw new CheckoutPageConnectionError(attempt.method, attempt.path, describe(error), { cause: error });
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    }
  }

  /** A fetch for openapi-fetch: every attempt sends a fresh clone of the original Request. */
  readonly fetchForClient = (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    return this.run({
      method: request.method,
      path: url.pathname,
      signal: request.signal,
      send: (signal) => this.#fetch(new Request(request.clone(), { signal })),
    });
  };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const base = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${base} (${cause.code})` : base;
}
