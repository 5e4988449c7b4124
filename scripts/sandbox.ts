// npm run sandbox [-- --port N] [-- --host H] [-- --rate-limit] [-- --store NAME=KEY,KEY ...]: the
// stateful sandbox of the API over HTTP on 127.0.0.1 (port 4011 by default). Each key gets a store
// of its own; `--store` (repeatable) makes keys share one. Ctrl-C stops it.
import { parseArgs } from 'node:util';
import { createSandbox } from '../src/sandbox/index.ts';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, 'rate-limit': { type: 'boolean' }, store: { type: 'string', multiple: true } },
});
const port = Number(values.port ?? process.env.PORT ?? 4011);
const host = values.host ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port "${values.port ?? process.env.PORT}": use a number from 0 to 65535.`);
  process.exit(2);
}

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
  sandbox = createSandbox({ rateLimit: values['rate-limit'] === true, stores });
} catch (error) {
  console.error((error as Error).message.replace(/^createSandbox: /, '--store: '));
  process.exit(2);
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
const limit = values['rate-limit'] ? '; 100 requests a minute per key, 500 per store' : '';
const shared = Object.entries(stores).map(([name, keys]) => `; store ${name}: ${keys.join(', ')}`).join('');
console.log(`Checkout Page sandbox on ${server.url} (any Bearer key, each key its own store${shared}${limit}; Ctrl-C to stop)`);
