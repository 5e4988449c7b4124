// npm run sandbox [-- --port N] [-- --host H] [-- --rate-limit] [-- --store NAME=KEY,KEY ...]
// [-- --seed-preset store|examples|empty] [-- --seed-size N] [-- --random-seed N]
// [-- --seed FILE] [-- --state FILE]: the stateful sandbox of the API over HTTP on 127.0.0.1 (port
// 4011 by default). Each key gets a store of its own; `--store` (repeatable) makes keys share one.
// --seed adds a store's own records (JSON or YAML) to the built-in seed of every store; --state
// loads the stores from FILE (by store name: the group's, else the key) and saves them there after
// each change. Ctrl-C stops it.
import { listenProblem, parseCliOrExit } from './lib/cli.ts';
import { createSandbox, type SeedPreset } from '../src/sandbox/index.ts';
import { MAX_SEED_SIZE, SEED_PRESETS } from '../src/sandbox/seed/options.ts';
import { applySeed, readSeedFile, SeedFileError } from '../src/sandbox/seed-file.ts';
import { StateFile, StateFileError } from '../src/sandbox/state-file.ts';

const { values } = parseCliOrExit({
  usage: 'Usage: npm run sandbox -- [--port N] [--host H] [--rate-limit] [--store NAME=KEY,KEY ...] [--seed-preset store|examples|empty] [--seed-size N] [--random-seed N] [--seed FILE] [--state FILE]',
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'rate-limit': { type: 'boolean' },
    store: { type: 'string', multiple: true },
    'seed-preset': { type: 'string' },
    'seed-size': { type: 'string' },
    'random-seed': { type: 'string' },
    seed: { type: 'string' },
    state: { type: 'string' },
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
const stores: Record<string, string[]> = {};
for (const value of values.store ?? []) {
  const match = /^([^=\s]+)=(\S+)$/.exec(value);
  if (!match) {
    console.error(`Invalid --store "${value}": use --store NAME=KEY[,KEY...], for example --store shop=sk_test_a,sk_test_b`);
    process.exit(2);
  }
  if (stores[match[1]!]) {
    console.error(`--store ${match[1]} is given twice: list all its keys in one --store`);
    process.exit(2);
  }
  stores[match[1]!] = match[2]!.split(',');
}

let sandbox;
try {
  const seedPath = values.seed;
  const seed = seedPath ? readSeedFile(seedPath) : undefined;
  const state = values.state ? new StateFile(values.state) : undefined;
  sandbox = createSandbox({
    rateLimit: values['rate-limit'] === true,
    stores,
    seed: preset as SeedPreset | undefined,
    seedSize: integer('seed-size', 0, MAX_SEED_SIZE),
    randomSeed: integer('random-seed', -(2 ** 31), 2 ** 31 - 1),
    onStore: (engine, name) => {
      if (seed && seedPath) applySeed(engine, seedPath, seed);
      state?.track(name, engine);
    },
  });
  // Stores open on the first use of a key: check the seed file on a store of its own now, so a bad
  // record fails the start rather than a user's first request.
  if (seed && seedPath) createSandbox({ onStore: (engine) => applySeed(engine, seedPath, seed) }).clock({ apiKey: 'sk_test_seed_file_check' });
} catch (error) {
  if (error instanceof SeedFileError || error instanceof StateFileError) {
    console.error(`Cannot start the sandbox: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof TypeError && /^createSandbox: /.test(error.message)) {
    console.error(error.message.replace(/^createSandbox: /, '--store: '));
    process.exit(2);
  }
  throw error;
}
const server = await sandbox.listen(port, host).catch((error: Error) => {
  console.error(listenProblem(error, host, port) ?? `Cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
const limit = values['rate-limit'] ? '; 100 requests a minute per key, 500 per store' : '';
const shared = Object.entries(stores).map(([name, keys]) => `; store ${name}: ${keys.join(', ')}`).join('');
const files = [values.seed && `seed ${values.seed}`, values.state && `state ${values.state}`].filter(Boolean).join(', ');
console.log(`Checkout Page sandbox on ${server.url} (any Bearer key, each key its own store${shared}${limit}${files ? `; ${files}` : ''}; Ctrl-C to stop)`);
