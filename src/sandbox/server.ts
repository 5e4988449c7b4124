// The HTTP door: a node:http server that turns each request into a Fetch Request for the engine
// and writes its Response back.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SandboxServer {
  /** `http://host:port`, to use as the client's `baseUrl`. */
  url: string;
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'host']);

export function serve(handle: (request: Request) => Promise<Response>, port: number, host: string): Promise<SandboxServer> {
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || HOP_BY_HOP.has(name)) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      const method = req.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
      const response = await handle(new Request(`http://${req.headers.host ?? `${host}:${port}`}${req.url ?? '/'}`, { method, headers, body }));
      const bytes = Buffer.from(await response.arrayBuffer());
      const out: Record<string, string> = { 'content-length': String(bytes.length) };
      response.headers.forEach((value, name) => (out[name] = value));
      res.writeHead(response.status, out);
      res.end(bytes);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'error', type: 'error', message: error instanceof Error ? error.message : 'Internal server error' }));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${actual}`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
