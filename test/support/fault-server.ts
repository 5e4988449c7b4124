// A loopback HTTP server whose answers a test scripts one request at a time, to play faults
// (429s, 5xx, resets, silence, HTML bodies) that the real API or Prism cannot be made to produce.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Answer = (res: http.ServerResponse, req: SeenRequest, socket: import('node:net').Socket) => void;

export interface FaultServer {
  url: string;
  requests: SeenRequest[];
  /** Answers for the next requests, in order; the last one repeats. */
  script(...answers: Answer[]): void;
  close(): Promise<void>;
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

export const text =
  (status: number, body: string, contentType = 'text/html'): Answer =>
  (res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  };

/** Drops the connection without an answer (the client sees a network error). */
export const reset: Answer = (_res, _req, socket) => socket.destroy();

/** Never answers (the client must time out). */
export const silence: Answer = () => undefined;

/** Sends the status line, the headers and half a body, then stalls (the body read must time out). */
export const stalledBody: Answer = (res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"data": {"id": ');
};

export async function startFaultServer(): Promise<FaultServer> {
  const requests: SeenRequest[] = [];
  let answers: Answer[] = [json(200, { data: {} })];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(seen);
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      answer(res, seen, req.socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...next) => {
      answers = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
