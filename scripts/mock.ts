// npm run mock [-- --port N] [-- --host H]: serves generated/openapi.yaml with Prism on 127.0.0.1
// (port 4010 by default).
import net from 'node:net';
import { listenProblem, parseCli, portFrom } from './lib/cli.ts';
import { main } from './lib/main.ts';
import { startPrism } from './lib/prism.ts';

const USAGE = 'Usage: npm run mock -- [--port N] [--host H]';

/** Resolves to the port if the address can be listened on now. Prism itself answers a busy port with its whole --help. */
function checkAddress(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error) => reject(new Error(listenProblem(error, host, port) ?? String(error))));
    probe.listen(port, host, () => {
      const free = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(free));
    });
  });
}

await main(async () => {
  const { values } = parseCli({ usage: USAGE, options: { port: { type: 'string' }, host: { type: 'string' } } });
  const host = values.host ?? '127.0.0.1';
  // Port 0: the probe picks a free port and Prism gets that one.
  const port = await checkAddress(host, portFrom(values.port, 4010, USAGE));
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
});
