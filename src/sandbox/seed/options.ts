// How a new store starts, as createSandbox and `npm run sandbox` take it.

/** `store`: the examples' records and generated ones around them; `examples`: only the examples'; `empty`: no records. */
export type SeedPreset = 'store' | 'examples' | 'empty';

export interface SeedOptions {
  /** Default `store`. */
  preset?: SeedPreset;
  /** With `store`: how many records each top-level list holds, examples included (default 30). */
  size?: number;
  /** With `store`: the pseudo-random generator's seed (default 1); the same number gives the same store. */
  randomSeed?: number;
}

export const SEED_PRESETS: readonly SeedPreset[] = ['store', 'examples', 'empty'];
export const DEFAULT_SEED_SIZE = 30;
export const MAX_SEED_SIZE = 10_000;
export const DEFAULT_RANDOM_SEED = 1;

/** The options checked, with defaults: a clear error for a preset or number the seed cannot use. */
export function seedOptions(options: SeedOptions = {}): Required<SeedOptions> {
  const { preset = 'store', size = DEFAULT_SEED_SIZE, randomSeed = DEFAULT_RANDOM_SEED } = options;
  if (!SEED_PRESETS.includes(preset)) throw new TypeError(`createSandbox: seed must be one of ${SEED_PRESETS.join(', ')} (got ${JSON.stringify(preset)})`);
  if (!Number.isInteger(size) || size < 0 || size > MAX_SEED_SIZE) throw new TypeError(`createSandbox: seedSize must be an integer from 0 to ${MAX_SEED_SIZE} (got ${JSON.stringify(size)})`);
  if (!Number.isInteger(randomSeed) || Math.abs(randomSeed) > 2 ** 31) throw new TypeError(`createSandbox: randomSeed must be a 32-bit integer (got ${JSON.stringify(randomSeed)})`);
  return { preset, size, randomSeed };
}
