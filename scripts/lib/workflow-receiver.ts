// A webhook receiver on loopback for the webhook workflows: answers every POST with 204 and keeps
// what it got, so a run can tell that deliveries arrived.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Receiver {
  url: string;
  received: Array<{ path: string; event?: string }>;
  close(): Promise<void>;
}

export function startReceiver(): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let event: string | undefined;
      try {
        event = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { event?: string }).event;
      } catch {
        // not JSON: kept without an event name
      }
      received.push({ path: req.url ?? '/', event });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        received,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
