// Hostile input over HTTP (`sandbox.listen()`, as `npm run sandbox` serves): what Node's own parser
// refuses and what the engine refuses both answer the API's JSON error body; a huge body is cut
// off without holding up other requests; idle keep-alive connections survive a slow client.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.ts';
import type { SandboxServer } from '../../src/sandbox/server.ts';
import { assertMatches } from '../support/schema.ts';

let server: SandboxServer;
beforeAll(async () => {
  server = await createSandbox().listen(0);
});
afterAll(() => server.close());

const auth = { authorization: 'Bearer sk_test_http' };

async function expectApiError(response: Response, status: number | number[]): Promise<void> {
  expect([status].flat()).toContain(response.status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await response.json();
  assertMatches('#/components/schemas/ApiError', body);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+|RangeError|Maximum call stack/);
}

describe('over HTTP, every refusal is the API’s JSON error body', () => {
  it('answers 414 to a 30 KB URL and a JSON 431 (not an empty body) to a 100 KB one', async () => {
    await expectApiError(await fetch(`${server.url}/v1/coupons?search=${'a'.repeat(30_000)}`, { headers: auth }), 414);
    await expectApiError(await fetch(`${server.url}/v1/coupons?search=${'a'.repeat(100_000)}`, { headers: auth }), 431);
  });

  it('answers 431 to 40 KB of headers, and to 100 KB that Node refuses itself', async () => {
    await expectApiError(await fetch(`${server.url}/v1/coupons`, { headers: { ...auth, 'x-padding': 'a'.repeat(40_000) } }), 431);
    await expectApiError(await fetch(`${server.url}/v1/coupons`, { headers: { ...auth, 'x-padding': 'a'.repeat(100_000) } }), 431);
  });

  it('answers 400 to 10 000 levels of nesting, without a stack', async () => {
    const body = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    await expectApiError(await fetch(`${server.url}/v1/coupons`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body }), 400);
  });

  it('cuts off a 15 MB body with 413, and answers other requests meanwhile', async () => {
    const huge = JSON.stringify({ label: 'x', code: 'HUGE', percentOff: 5, duration: 'once', pageIds: Array.from({ length: 700_000 }, () => 'aaaaaaaaaaaaaaaaaaa') });
    expect(huge.length).toBeGreaterThan(14 * 1024 * 1024);
    const started = performance.now();
    const [big, small] = await Promise.all([
      fetch(`${server.url}/v1/coupons`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: huge }).catch((error: Error) => error),
      fetch(`${server.url}/v1/account`, { headers: auth }),
    ]);
    expect(small.status).toBe(200);
    // The sandbox may close the connection while the client is still sending: then there is no answer to read.
    if (big instanceof Response) await expectApiError(big, 413);
    const list = await fetch(`${server.url}/v1/coupons?limit=100`, { headers: auth });
    expect(((await list.json()) as any).data.some((c: any) => c.code === 'HUGE')).toBe(false);
    // Generous: the point is that nothing is parsed, not a speed target.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('answers 413 over a declared Content-Length without reading the body', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${server.url}/v1/coupons`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) } }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      });
      request.on('error', reject);
      request.write('{"label":');
    });
    expect(status).toBe(413);
  });
});

describe('keep-alive', () => {
  it('keeps an idle connection open longer than 5 s, so a slow client can reuse it', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const request = http.get(`${server.url}/v1/account`, { agent, headers: auth }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode!, reused: request.reusedSocket }));
        });
        request.on('error', reject);
      });
    try {
      expect((await get()).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      const second = await get();
      expect(second).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });
});
