// A request's cost must not grow with the data: with 20,000 records in a collection, create, get
// and a limit=20 list cost about what they cost with 100 (the bench measures 50,000). Requests to
// the two stores take turns, so the machine's load weighs on both alike; the bound is loose (4x)
// because the point is the shape (the cost was 30x to 300x before the indexes), not a speed target.
import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.ts';

const BASE = 'https://api.checkoutpage.com';
const HEADERS = { authorization: 'Bearer sk_test_scale', 'content-type': 'application/json' };
let serial = 0;

async function create(sandbox: Sandbox): Promise<string> {
  const response = await sandbox.handle(new Request(`${BASE}/v1/themes`, { method: 'POST', headers: HEADERS, body: JSON.stringify({ name: `Scale ${++serial}` }) }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('cost per request and the size of the data', () => {
  it('creates, gets and lists 20 as fast with 20,000 records as with 100', { timeout: 300_000 }, async () => {
    const small = createSandbox();
    const large = createSandbox();
    const smallIds: string[] = [];
    const largeIds: string[] = [];
    for (let i = 0; i < 100; i++) smallIds.push(await create(small));
    for (let i = 0; i < 20_000; i++) largeIds.push(await create(large));

    const calls: Record<string, (sandbox: Sandbox, ids: string[], i: number) => Promise<Response>> = {
      create: async (sandbox) => {
        await create(sandbox);
        return new Response(null);
      },
      get: (sandbox, ids, i) => sandbox.handle(new Request(`${BASE}/v1/themes/${ids[(i * 7919) % ids.length]}`, { headers: HEADERS })),
      'list limit=20': (sandbox) => sandbox.handle(new Request(`${BASE}/v1/themes?limit=20`, { headers: HEADERS })),
    };
    const ratios: Record<string, number> = {};
    for (const [name, call] of Object.entries(calls)) {
      const times = { small: [] as number[], large: [] as number[] };
      for (let i = 0; i < 300; i++) {
        for (const [which, sandbox, ids] of [['small', small, smallIds], ['large', large, largeIds]] as const) {
          const started = performance.now();
          const response = await call(sandbox, ids, i);
          await response.arrayBuffer();
          times[which].push(performance.now() - started);
        }
      }
      ratios[name] = median(times.large) / median(times.small);
    }
    for (const ratio of Object.values(ratios)) expect(ratio, JSON.stringify(ratios)).toBeLessThan(4);
    const page = (await (await large.handle(new Request(`${BASE}/v1/themes?limit=20`, { headers: HEADERS }))).json()) as { data: Array<{ id: string }>; total: number };
    expect(page.data).toHaveLength(20);
    expect(page.total).toBeGreaterThan(20_000);
  });
});
