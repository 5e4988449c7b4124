// Pagination over 2,537 items in pages of 100, against a loopback server that pages like the API:
// newest first, `starting_after` for the next page, `ending_before` for the previous one.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckoutPageClient, paginate } from '../../src/index.ts';

const TOTAL = 2537;
// 24-hex ids, newest (largest) first, like the API's list order.
const ids = Array.from({ length: TOTAL }, (_, i) => (TOTAL - i).toString(16).padStart(24, '0'));
const requests: URLSearchParams[] = [];
let server: http.Server;
let baseUrl: string;

function page(query: URLSearchParams) {
  const limit = Number(query.get('limit') ?? 20);
  const after = query.get('starting_after');
  const before = query.get('ending_before');
  let slice: string[];
  let hasMore: boolean;
  if (before) {
    const end = ids.indexOf(before);
    const start = Math.max(0, end - limit);
    slice = ids.slice(start, end);
    hasMore = start > 0;
  } else {
    const start = after ? ids.indexOf(after) + 1 : 0;
    slice = ids.slice(start, start + limit);
    hasMore = start + limit < ids.length;
  }
  return { data: slice.map((id) => ({ id, customerEmail: `c${id.slice(-4)}@example.com` })), has_more: hasMore, total: TOTAL };
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.searchParams);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(page(url.searchParams)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () => createCheckoutPageClient({ apiKey: 'sk_test_pages', baseUrl });

describe('paginate()', () => {
  it('yields all 2,537 items once, in order, in 26 requests of up to 100', async () => {
    requests.length = 0;
    const seen: string[] = [];
    for await (const customer of paginate(client(), '/v1/customers', { query: { limit: 100, search: 'c' } })) seen.push(customer.id);
    expect(seen).toEqual(ids);
    expect(requests).toHaveLength(26);
    expect(requests.every((q) => q.get('limit') === '100' && q.get('search') === 'c')).toBe(true);
    expect(requests[1]!.get('starting_after')).toBe(ids[99]);
  });

  it('walks backwards from an ending_before cursor, nearest item first', async () => {
    requests.length = 0;
    const cursor = ids[2500]!;
    const seen: string[] = [];
    for await (const customer of paginate(client(), '/v1/customers', { query: { limit: 100, ending_before: cursor } })) seen.push(customer.id);
    expect(seen).toEqual(ids.slice(0, 2500).reverse());
    expect(requests).toHaveLength(25);
    expect(requests[1]!.get('ending_before')).toBe(ids[2400]);
  });

  it('stops when the caller breaks out, without fetching further pages', async () => {
    requests.length = 0;
    let count = 0;
    for await (const _ of paginate(client(), '/v1/customers', { query: { limit: 100 } })) if (++count === 150) break;
    expect(requests).toHaveLength(2);
  });
});

describe('resource list methods', () => {
  it('resolve to one page when awaited', async () => {
    const first = await client().customers.list({ limit: 100 });
    expect(first.data.map((c) => c.id)).toEqual(ids.slice(0, 100));
    expect(first).toMatchObject({ has_more: true, total: TOTAL });
  });

  it('iterate every item when used with for await', async () => {
    const seen: string[] = [];
    for await (const customer of client().customers.list({ limit: 100 })) seen.push(customer.id);
    expect(seen).toEqual(ids);
  });
});
