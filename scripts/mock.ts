// npm run mock [-- --port N]: serves generated/openapi.yaml with Prism on 127.0.0.1 (port 4010 by default).
import { parseArgs } from 'node:util';
import { startPrism } from './lib/prism.ts';

const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } } });
const port = Number(values.port ?? process.env.PORT ?? 4010);
const host = values.host ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`Invalid port "${values.port ?? process.env.PORT}": use a number from 1 to 65535.`);
  process.exit(2);
}

const prism = startPrism({ host, port, inheritOutput: true });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Ctrl-C reaches Prism too (same process group); forwarding covers `kill` on this process alone.
    stopping = true;
    prism.kill('SIGTERM');
  });
}
prism.on('exit', (code) => process.exit(stopping ? 0 : (code ?? 1)));
console.log(`Prism mock of generated/openapi.yaml on http://${host}:${port} (Ctrl-C to stop)`);
