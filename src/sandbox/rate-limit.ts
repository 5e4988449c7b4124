// The per-key rate limit (100 requests a minute by default), to exercise a client's backoff: a
// sliding window per API key; a request over the limit gets 429 with `Retry-After` in seconds.

export interface RateLimit {
  /** Requests allowed per window and key (default 100). */
  limit?: number;
  /** The window in milliseconds (default 60 000). */
  windowMs?: number;
}

export class RateLimiter {
  private readonly seen = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(options: RateLimit, private readonly now: () => number) {
    this.limit = options.limit ?? 100;
    this.windowMs = options.windowMs ?? 60_000;
  }

  /** Counts a request; returns the seconds to wait when the key is over its limit. */
  take(key: string): number | undefined {
    const now = this.now();
    const times = (this.seen.get(key) ?? []).filter((t) => t > now - this.windowMs);
    this.seen.set(key, times);
    if (times.length >= this.limit) return Math.max(1, Math.ceil((times[0]! + this.windowMs - now) / 1000));
    times.push(now);
    return undefined;
  }

  reset(): void {
    this.seen.clear();
  }
}
