// The API's two rate limits, to exercise a client's backoff: 100 requests a minute per API key and
// 500 a minute per store (every key of the store together). Each is a sliding window; a request
// over either gets 429 with `Retry-After` in seconds, and a refused request counts against neither.

export interface RateLimit {
  /** Requests allowed per window and API key (default 100). */
  limit?: number;
  /** Requests allowed per window and store, all its keys together (default 500). */
  storeLimit?: number;
  /** The window in milliseconds (default 60 000). */
  windowMs?: number;
}

/** Request times per name, within a sliding window. */
class Windows {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** The seconds to wait before `name` may send again at `now`, or undefined when it may now. */
  wait(name: string, now: number): number | undefined {
    const times = (this.seen.get(name) ?? []).filter((t) => t > now - this.windowMs);
    this.seen.set(name, times);
    if (times.length < this.limit) return undefined;
    return Math.max(1, Math.ceil((times[0]! + this.windowMs - now) / 1000));
  }

  count(name: string, now: number): void {
    this.seen.get(name)!.push(now);
  }

  forget(name?: string): void {
    if (name === undefined) this.seen.clear();
    else this.seen.delete(name);
  }
}

export class RateLimiter {
  private readonly perKey: Windows;
  private readonly perStore: Windows;

  constructor(options: RateLimit, private readonly now: () => number) {
    const windowMs = options.windowMs ?? 60_000;
    this.perKey = new Windows(options.limit ?? 100, windowMs);
    this.perStore = new Windows(options.storeLimit ?? 500, windowMs);
  }

  /** Counts a request of `apiKey` to `store`; returns the seconds to wait when either is over its limit. */
  take(apiKey: string, store: string): number | undefined {
    const now = this.now();
    const waits = [this.perKey.wait(apiKey, now), this.perStore.wait(store, now)].filter((w) => w !== undefined);
    if (waits.length) return Math.max(...waits);
    this.perKey.count(apiKey, now);
    this.perStore.count(store, now);
    return undefined;
  }

  /** Forgets the counts: all of them, or those of one store and its keys. */
  reset(target?: { store: string; apiKeys: Iterable<string> }): void {
    if (!target) {
      this.perKey.forget();
      this.perStore.forget();
      return;
    }
    this.perStore.forget(target.store);
    for (const key of target.apiKeys) this.perKey.forget(key);
  }
}
