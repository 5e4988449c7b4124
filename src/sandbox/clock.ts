// A store's clock: the sandbox's `now` option (the wall clock by default) plus an offset that only
// moves forward, so a test can jump a month ahead without touching the process's clock. Each
// engine (each store) has its own.
export class StoreClock {
  private offsetMs = 0;
  /** Called when the offset changes (a state file saves then). */
  onChange?: () => void;

  constructor(private readonly base: () => number) {}

  now(): number {
    return this.base() + this.offsetMs;
  }

  /** How far the store's time is ahead of the `now` option. */
  get offset(): number {
    return this.offsetMs;
  }

  /** Moves the store's time to `atMs` (never backwards: time the store has seen stays seen). */
  moveTo(atMs: number): void {
    const ahead = atMs - this.now();
    if (ahead > 0) {
      this.offsetMs += ahead;
      this.onChange?.();
    }
  }

  /** Puts the store's time `offsetMs` ahead of the `now` option, unless it is further ahead already. */
  keepAhead(offsetMs: number): void {
    if (offsetMs > this.offsetMs) {
      this.offsetMs = offsetMs;
      this.onChange?.();
    }
  }

  /** Restores an offset read back from a state file. */
  restore(offsetMs: number): void {
    this.offsetMs = Math.max(0, offsetMs);
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
