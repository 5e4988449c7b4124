// npm run sandbox [-- --port N] [-- --host H] [-- --rate-limit] [-- --seed-preset store|examples|empty]
// [-- --seed-size N] [-- --random-seed N]: the stateful sandbox of the API over HTTP on 127.0.0.1
// (port 4011 by default). Ctrl-C stops it.
import { parseArgs } from 'node:util';
import { createSandbox, type SeedPreset } from '../src/sandbox/index.ts';
import { MAX_SEED_SIZE, SEED_PRESETS } from '../src/sandbox/seed/options.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'rate-limit': { type: 'boolean' },
    'seed-preset': { type: 'string' },
    'seed-size': { type: 'string' },
    'random-seed': { type: 'string' },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 4011);
const host = values.host ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port "${values.port ?? process.env.PORT}": use a number from 0 to 65535.`);
  process.exit(2);
}

/** Exits with a message naming the flag. */
function invalid(flag: string, text: string, expected: string): never {
  console.error(`Invalid --${flag} "${text}": use ${expected}.`);
  process.exit(2);
}

/** A whole number from a flag, from `min` to `max`. */
function integer(flag: 'seed-size' | 'random-seed', min: number, max: number): number | undefined {
  const text = values[flag];
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max) invalid(flag, text, `a whole number from ${min} to ${max}`);
  return Number(text);
}

const preset = values['seed-preset'];
if (preset !== undefined && !SEED_PRESETS.includes(preset as SeedPreset)) invalid('seed-preset', preset, SEED_PRESETS.join(', '));
const sandbox = createSandbox({
  rateLimit: values['rate-limit'] === true,
  seed: preset as SeedPreset | undefined,
  seedSize: integer('seed-size', 0, MAX_SEED_SIZE),
  randomSeed: integer('random-seed', -(2 ** 31), 2 ** 31 - 1),
});
const server = await sandbox.listen(port, host).catch((error: Error) => {
  console.error(`Cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
const limit = values['rate-limit'] ? ', 100 requests a minute per key' : '';
console.log(`Checkout Page sandbox on ${server.url} (any Bearer key${limit}; Ctrl-C to stop)`);
