// npm run sandbox [-- --port N] [-- --host H] [-- --rate-limit]: the stateful sandbox of the API
// over HTTP on 127.0.0.1 (port 4011 by default). Ctrl-C stops it.
import { listenProblem, parseCliOrExit } from './lib/cli.ts';
import { createSandbox } from '../src/sandbox/index.ts';

const { values } = parseCliOrExit({ usage: 'Usage: npm run sandbox -- [--port N] [--host H] [--rate-limit]', options: { port: { type: 'string' }, host: { type: 'string' }, 'rate-limit': { type: 'boolean' } } });
const port = Number(values.port ?? process.env.PORT ?? 4011);
const host = values.host ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port "${values.port ?? process.env.PORT}": use a number from 0 to 65535.`);
  process.exit(2);
}

const sandbox = createSandbox({ rateLimit: values['rate-limit'] === true });
const server = await sandbox.listen(port, host).catch((error: Error) => {
  console.error(listenProblem(error, host, port) ?? `Cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
const limit = values['rate-limit'] ? ', 100 requests a minute per key' : '';
console.log(`Checkout Page sandbox on ${server.url} (any Bearer key${limit}; Ctrl-C to stop)`);
