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

/**
 * Ends an attempt's clock once its body has been read: `ok(value)` returns the value, `fail(error)`
 * rethrows it (as a timeout error when the clock ran out first).
 */
export interface End {
  ok<V>(value: V): V;
  fail(error: unknown): never;
}

/** Reads the final answer's body and ends the attempt's clock with `end`. */
export type Finish<T> = (response: Response, end: End) => Promise<T>;

/** For answers whose clock is already stopped (or covered by the platform's timeout signal). */
const UNTIMED: End = {
  ok: (value) => value,
  fail: (error) => {
    throw error;
  },
};

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

  /**
   * Runs attempts until one gives a final answer, and hands that Response (2xx or not) to
   * `finish`, which reads the body and ends the attempt's clock with `end`; rejects on connection
   * failure or timeout. Written with promise chains rather than async/await, and with one step per
   * stage (the answer with the retry decision, then the body): this is the hot path of every call,
   * and each step costs.
   */
  run<T = Response>(attempt: Attempt, finish?: Finish<T>, retry = 0): Promise<T> {
    const timeoutMs = attempt.timeoutMs ?? this.#policy.timeoutMs;
    const caller = attempt.signal;
    if (!caller && finish) {
      // The resource API's case, kept lean: a controller and a plain timer (half the cost of
      // AbortSignal.timeout, whose timer is weakly held), which `finish` clears through `end`
      // once it has read the body, so the timeout covers a body that stalls too.
      const controller = new AbortController();
      const timer = setTimeout(abortOnTimeout, timeoutMs, controller);
      const end: End = {
        ok: (value) => {
          clearTimeout(timer);
          return value;
        },
        fail: (error) => {
          clearTimeout(timer);
          throw controller.signal.aborted ? new CheckoutPageTimeoutError(attempt.method, attempt.path, timeoutMs) : error;
        },
      };
      return attempt.send(controller.signal).then(
        (response) =>
          response.status < 429 ? finish(response, end) : (clearTimeout(timer), this.#afterResponse(attempt, response, finish, retry)),
        (error: unknown) => {
          clearTimeout(timer);
          return this.#afterError(attempt, controller.signal.aborted ? new CheckoutPageTimeoutError(attempt.method, attempt.path, timeoutMs) : connectionError(attempt, error), finish, retry);
        },
      );
    }
    const onResponse = (response: Response): T | PromiseLike<T> =>
      response.status < 429 ? (finish ? finish(response, UNTIMED) : (response as T)) : this.#afterResponse(attempt, response, finish, retry);
    if (!caller) {
      // openapi-fetch's case: the platform's timeout signal, nothing to clean up (openapi-fetch
      // reads the body after this returns; the signal's weakly held timer keeps covering it).
      const signal = AbortSignal.timeout(timeoutMs);
      return attempt.send(signal).then(onResponse, (error: unknown) =>
        this.#afterError(attempt, signal.aborted ? new CheckoutPageTimeoutError(attempt.method, attempt.path, timeoutMs) : connectionError(attempt, error), finish, retry),
      );
    }
    // With a caller's signal: one controller that either the timeout or the caller aborts.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(caller.reason);
    if (caller.aborted) controller.abort(caller.reason);
    else caller.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      caller.removeEventListener('abort', onAbort);
    };
    return attempt.send(controller.signal).then(
      (response) => {
        done();
        return onResponse(response);
      },
      (error: unknown) => {
        done();
        if (timedOut) return this.#afterError(attempt, new CheckoutPageTimeoutError(attempt.method, attempt.path, timeoutMs), finish, retry);
        if (caller.aborted) throw caller.reason ?? error;
        return this.#afterError(attempt, connectionError(attempt, error), finish, retry);
      },
    );
  }

  #afterResponse<T>(attempt: Attempt, response: Response, finish: Finish<T> | undefined, retry: number): T | PromiseLike<T> {
    const final = () => (finish ? finish(response, UNTIMED) : (response as T));
    if (retry >= this.#policy.maxRetries) return final();
    let wait: number | undefined;
    if (response.status === 429) {
      // Rate limited: the request was not processed, so any method may be sent again.
      const hinted = retryAfterMs(response.headers.get('retry-after'));
      if (hinted !== undefined && hinted > this.#policy.maxDelayMs) return final();
      wait = hinted ?? backoffMs(retry, this.#policy);
    } else if (response.status >= 500 && IDEMPOTENT.has(attempt.method)) {
      wait = backoffMs(retry, this.#policy);
    }
    if (wait === undefined) return final();
    const delay = wait;
    return (response.body?.cancel() ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => sleep(delay, attempt.signal))
      .then(() => this.run(attempt, finish, retry + 1));
  }

  /** A failed attempt (timeout or connection): retried where safe, else the error stands. */
  #afterError<T>(attempt: Attempt, error: Error, finish: Finish<T> | undefined, retry: number): Promise<T> {
    if (attempt.signal?.aborted || retry >= this.#policy.maxRetries || !IDEMPOTENT.has(attempt.method)) {
      return Promise.reject(error);
    }
    return sleep(backoffMs(retry, this.#policy), attempt.signal).then(() => this.run(attempt, finish, retry + 1));
  }

  /**
   * A fetch for openapi-fetch. A request without a body is sent as it is on every attempt (only the
   * signal changes); one with a body is cloned for each attempt, since sending consumes the body.
   * Only a signal the caller passed counts as the caller's (see ClientRequest).
   */
  readonly fetchForClient = (request: Request): Promise<Response> =>
    this.run({
      method: request.method,
      path: pathOf(request.url),
      signal: request instanceof ClientRequest ? request.callerSignal : request.signal,
      send: (signal) => this.#fetch(request.body === null ? request : request.clone(), { signal }),
    });
}

/**
 * The Request class openapi-fetch builds requests with: a real Request that remembers whether the
 * caller passed a signal. Every Request has a signal, so without this the transport could not tell
 * a caller's signal from the default one, and would take the slower path that listens to it.
 */
export class ClientRequest extends Request {
  readonly callerSignal: AbortSignal | undefined;
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    this.callerSignal = init?.signal ?? undefined;
  }
}

/** `https://host/v1/x?y` -> `/v1/x`, for error messages, without parsing a URL per request. */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.indexOf('?', start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

function abortOnTimeout(controller: AbortController): void {
  controller.abort();
}

function connectionError(attempt: Attempt, error: unknown): CheckoutPageConnectionError {
  return new CheckoutPageConnectionError(attempt.method, attempt.path, describe(error), { cause: error });
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const base = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${base} (${cause.code})` : base;
}
