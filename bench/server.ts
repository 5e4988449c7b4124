// The loopback server the request benchmarks call: forked into its own process (so it does not
// share the client's event loop), or created in the benchmark's own process.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const payment = JSON.stringify({
  data: {
    id: '6812fe6e9f39b6760576f01d',
    orderId: '10004217',
    status: 'paid',
    currency: 'gbp',
    amount: 21600,
    amountPaid: 21600,
    amountDue: 0,
    customerEmail: 'jane.doe@example.com',
    taxBreakdown: [],
    createdAt: '2026-03-14T10:22:05.000Z',
    updatedAt: '2026-03-14T10:22:41.000Z',
  },
});

const TOTAL = 100_000;
const id = (n: number) => n.toString(16).padStart(24, '0');

function page(url: URL): string {
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const after = url.searchParams.get('starting_after');
  const start = after ? TOTAL - parseInt(after, 16) + 1 : 0;
  const data = [];
  for (let i = start; i < Math.min(TOTAL, start + limit); i++) {
    data.push({ id: id(TOTAL - i), status: 'paid', amount: 1000 + (i % 50), taxBreakdown: [], createdAt: '2026-03-14T10:22:05.000Z', updatedAt: '2026-03-14T10:22:05.000Z' });
  }
  return JSON.stringify({ data, has_more: start + limit < TOTAL, total: TOTAL });
}

/** The bench API server: a payment by id, and pages of synthetic payments. */
export function createBenchServer(): http.Server {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    const body = url.pathname === '/v1/payments' ? page(url) : payment;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  return server;
}

/** Listens on a free loopback port; resolves with the base URL. */
export function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

// Forked by the benchmark: serve from this process and tell the parent the port.
if (process.send) {
  void listen(createBenchServer()).then((url) => process.send!({ url }));
}
