// The seed's only source of chance: a seeded pseudo-random generator (pure-rand's xoroshiro128+),
// so the same seed number gives the same store, record for record.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

const HEX = '0123456789abcdef';

export class Random {
  private readonly rng;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** An integer from `from` to `to`, both included. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  chance(probability: number): boolean {
    return this.int(0, 9999) < probability * 10_000;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  /** An ObjectId made at `ms`, as the API's are (seconds first, so ids sort by creation time). */
  objectId(ms: number): string {
    return Math.floor(ms / 1000).toString(16).padStart(8, '0').slice(-8) + this.chars(HEX, 16);
  }
}
