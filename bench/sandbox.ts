// The sandbox's figures: time per request in-process, and start time (in-process, and as
// `npm run sandbox` until its first HTTP answer, beside Prism's `npm run mock`).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createCheckoutPageClient } from '../src/index.ts';
import { createSandbox } from '../src/sandbox/index.ts';
import { ROOT } from '../scripts/lib/paths.ts';
import { startPrism } from '../scripts/lib/prism.ts';
import { quietEnv, tsxCommand } from '../scripts/lib/run.ts';
import { freePort } from '../test/support/free-port.ts';
import { spread, type Spread } from './stats.ts';

const HEADERS = { Authorization: 'Bearer sk_test_bench' };

/** Milliseconds per request, per block of 50, after a warm-up. */
export async function sandboxRequestTimes(): Promise<Record<string, Spread>> {
  const sandbox = createSandbox();
  const client = createCheckoutPageClient({ apiKey: 'sk_test_bench', fetch: sandbox.fetch });
  const base = 'https://api.checkoutpage.com';
  for (let i = 0; i < 30; i++) await client.coupons.create({ label: `Bench ${i}`, code: `BENCH${i}`, percentOff: 5, duration: 'once' });
  const variants: Record<string, () => Promise<unknown>> = {
    'get by id, `sandbox.handle`': async () => (await sandbox.handle(new Request(`${base}/v1/payments/6812fe6e9f39b6760576f01d`, { headers: HEADERS }))).json(),
    'list page of 20 with a filter, `sandbox.handle`': async () => (await sandbox.handle(new Request(`${base}/v1/coupons?limit=20&search=bench`, { headers: HEADERS }))).json(),
    'update, `client.customers.update` on `sandbox.fetch`': () => client.customers.update('6812fe6e9f39b6760576f01c', { phone: '+447700900123' }),
  };
  const out: Record<string, Spread> = {};
  for (const [name, call] of Object.entries(variants)) {
    for (let i = 0; i < 100; i++) await call(); // warm-up: compiles the validators
    const blocks: number[] = [];
    for (let round = 0; round < 40; round++) {
      const started = performance.now();
      for (let i = 0; i < 50; i++) await call();
      blocks.push((performance.now() - started) / 50);
    }
    out[name] = spread(blocks);
  }
  return out;
}

/** Milliseconds from import to the first answer, each in a fresh process. */
export async function sandboxInProcessStart(runs = 5): Promise<Spread> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = fork(path.join(ROOT, 'bench/sandbox-start.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    const { ms } = await new Promise<{ ms: number }>((resolve) => child.once('message', (m: { ms: number }) => resolve(m)));
    child.kill();
    times.push(ms);
  }
  return spread(times);
}

async function untilAnswer(url: string, child: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with code ${child.exitCode}`);
    try {
      await fetch(url, { headers: HEADERS, signal: AbortSignal.timeout(1000) });
      return performance.now() - started;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Milliseconds from spawning a server to its first HTTP answer: the sandbox's script, or Prism. */
export async function serverStart(which: 'sandbox' | 'prism', runs = 3): Promise<Spread> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const started = performance.now();
    const child =
      which === 'sandbox'
        ? spawn(...tsxCommand(path.join(ROOT, 'scripts/sandbox.ts'), ['--port', String(port)]), { cwd: ROOT, env: quietEnv, stdio: 'ignore' })
        : startPrism({ host: '127.0.0.1', port });
    try {
      times.push(await untilAnswer(`http://127.0.0.1:${port}/v1/account`, child, started));
    } finally {
      await stop(child);
    }
  }
  return spread(times);
}

export interface ScalingFigures {
  /** Time per request with 50,000 records in the collection / with 100, per round. */
  ratio: Record<string, Spread>;
  /** Milliseconds per request in the large store. */
  largeMs: Record<string, Spread>;
  /** Heap growth (MB, after GC) from creating the 50,000 records. */
  heapMb: number;
  records: number;
}

/**
 * Cost per request as the data grows: create, get and a `limit=20` list in a store with 100
 * themes and in one with 50,000 (themes have all three operations, and a unique name to check), taking turns request by request; each round's figure is the
 * ratio of the two medians. Also the heap that 50,000 creates leave behind (needs --expose-gc).
 */
export async function sandboxScaling(records = 50_000, rounds = 15): Promise<ScalingFigures> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc (npm run bench does).');
  const base = 'https://api.checkoutpage.com';
  const headers = { ...HEADERS, 'content-type': 'application/json' };
  let serial = 0;
  const create = (sandbox: ReturnType<typeof createSandbox>) =>
    sandbox.handle(new Request(`${base}/v1/themes`, { method: 'POST', headers, body: JSON.stringify({ name: `Scale ${++serial}` }) }));
  const fill = async (sandbox: ReturnType<typeof createSandbox>, count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(((await (await create(sandbox)).json()) as { data: { id: string } }).data.id);
    return ids;
  };
  const small = createSandbox();
  const smallIds = await fill(small, 100);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const large = createSandbox();
  const largeIds = await fill(large, records);
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  const variants: Record<string, (sandbox: ReturnType<typeof createSandbox>, ids: string[]) => Promise<unknown>> = {
    create: async (sandbox) => (await create(sandbox)).json(),
    'get by id': async (sandbox, ids) => (await sandbox.handle(new Request(`${base}/v1/themes/${ids[(serial++ * 7919) % ids.length]}`, { headers: HEADERS }))).json(),
    'list, limit=20': async (sandbox) => (await sandbox.handle(new Request(`${base}/v1/themes?limit=20`, { headers: HEADERS }))).json(),
  };
  const ratio: Record<string, Spread> = {};
  const largeMs: Record<string, Spread> = {};
  for (const [name, call] of Object.entries(variants)) {
    for (let i = 0; i < 50; i++) await Promise.all([call(small, smallIds), call(large, largeIds)]); // warm-up
    const ratios: number[] = [];
    const larges: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const times = { small: [] as number[], large: [] as number[] };
      for (let i = 0; i < 40; i++) {
        for (const [which, sandbox, ids] of [['small', small, smallIds], ['large', large, largeIds]] as const) {
          const started = performance.now();
          await call(sandbox, ids);
          times[which].push(performance.now() - started);
        }
      }
      const smallMedian = spread(times.small).median;
      const largeMedian = spread(times.large).median;
      ratios.push(largeMedian / smallMedian);
      larges.push(largeMedian);
    }
    ratio[name] = spread(ratios);
    largeMs[name] = spread(larges);
  }
  return { ratio, largeMs, heapMb, records };
}
