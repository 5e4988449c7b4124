// Memory while iterating a long list: the client holds one page at a time, so the heap that stays
// reachable must not grow with the number of items.
import { fork } from 'node:child_process';
import path from 'node:path';
import { createCheckoutPageClient } from '../src/index.ts';
import { ROOT } from '../scripts/lib/paths.ts';

export async function paginationHeap(): Promise<{ mb: number; items: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc (npm run bench does).');
  const child = fork(path.join(ROOT, 'bench/server.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  try {
    const url = await new Promise<string>((resolve) => child.once('message', (m: { url: string }) => resolve(m.url)));
    const client = createCheckoutPageClient({ apiKey: 'sk_test_bench', baseUrl: url });
    gc();
    const before = process.memoryUsage().heapUsed;
    let items = 0;
    let peak = before;
    for await (const payment of client.payments.list({ limit: 100 })) {
      items += payment.amount > 0 ? 1 : 0;
      if (items % 5000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    gc();
    return { mb: (Math.max(peak, process.memoryUsage().heapUsed) - before) / 1024 / 1024, items };
  } finally {
    child.kill();
  }
}
