// The HTTP door: a node:http server that turns each request into a Fetch Request for the engine
// and writes its Response back. Requests larger than any the engine accepts are cut off here (413)
// without being buffered whole, and what Node's parser refuses (headers too large, a malformed
// request) still gets the API's JSON error body.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, errorResponse } from './errors.js';
import { LIMITS } from './limits.js';

export interface SandboxServer {
  /** `http://host:port`, to use as the client's `baseUrl`. */
  url: string;
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Idle keep-alive connections stay open 65 s, what common load balancers use, so a client that
 * pauses between requests (a response validator compiling schemas) does not reuse a closed socket;
 * the headers timeout must be above it (Node's rule).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
export const HEADERS_TIMEOUT_MS = 66_000;
/** Node's own cap on the request line and headers: above the engine's (414/431), so those answer first. */
const MAX_HEADER_SIZE = 64 * 1024;

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'host']);

export function serve(handle: (request: Request) => Promise<Response>, port: number, host: string): Promise<SandboxServer> {
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_SIZE }, async (req, res) => {
    try {
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > LIMITS.uploadRequestBytes) {
        await write(res, errorResponse(new ApiError(413, 'Request body too large')), true);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > LIMITS.uploadRequestBytes) {
          // Not read further: answered and the connection closed, so the rest is never buffered.
          await write(res, errorResponse(new ApiError(413, 'Request body too large')), true);
          return;
        }
        chunks.push(chunk as Buffer);
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || HOP_BY_HOP.has(name)) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      const method = req.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
      const response = await handle(new Request(`http://${req.headers.host ?? `${host}:${port}`}${req.url ?? '/'}`, { method, headers, body }));
      await write(res, response, false);
    } catch (error) {
      // A client that went away mid-request has no one to answer.
      if (req.destroyed || res.headersSent) res.destroy();
      else await write(res, errorResponse(error), false);
    }
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  // What the parser refuses never reaches the handler: answer it with the API's error body.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (error.code === 'ECONNRESET')) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const message = status === 431 ? 'Request headers too large' : 'Malformed HTTP request';
    const body = JSON.stringify({ status: 'error', type: 'error', message });
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
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

async function write(res: http.ServerResponse, response: Response, close: boolean): Promise<void> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const out: Record<string, string> = { 'content-length': String(bytes.length) };
  response.headers.forEach((value, name) => (out[name] = value));
  if (close) out.connection = 'close';
  res.writeHead(response.status, out);
  res.end(bytes);
}
