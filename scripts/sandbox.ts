// npm run sandbox [-- --port N] [-- --host H] [-- --rate-limit] [-- --seed FILE] [-- --state FILE]:
// the stateful sandbox of the API over HTTP on 127.0.0.1 (port 4011 by default). Ctrl-C stops it.
// --seed adds a store's own records (JSON or YAML) to the built-in seed; --state loads the stores
// from FILE on start and saves them there after each change.
import { parseArgs } from 'node:util';
import { createSandbox } from '../src/sandbox/index.ts';
import { applySeed, readSeedFile, SeedFileError } from '../src/sandbox/seed-file.ts';
import { StateFile, StateFileError } from '../src/sandbox/state-file.ts';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, 'rate-limit': { type: 'boolean' }, seed: { type: 'string' }, state: { type: 'string' } },
});
const port = Number(values.port ?? process.env.PORT ?? 4011);
const host = values.host ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port "${values.port ?? process.env.PORT}": use a number from 0 to 65535.`);
  process.exit(2);
}

let sandbox;
try {
  const seedPath = values.seed;
  const seed = seedPath ? readSeedFile(seedPath) : undefined;
  const state = values.state ? new StateFile(values.state) : undefined;
  sandbox = createSandbox({
    rateLimit: values['rate-limit'] === true,
    onStore: (engine, name) => {
      if (seed && seedPath) applySeed(engine, seedPath, seed);
      state?.track(name, engine);
    },
  });
} catch (error) {
  if (!(error instanceof SeedFileError || error instanceof StateFileError)) throw error;
  console.error(`Cannot start the sandbox: ${error.message}`);
  process.exit(1);
}
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
const files = [values.seed && `seed ${values.seed}`, values.state && `state ${values.state}`].filter(Boolean).join(', ');
console.log(`Checkout Page sandbox on ${server.url} (any Bearer key${limit}${files ? `; ${files}` : ''}; Ctrl-C to stop)`);
