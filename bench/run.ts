// npm run bench: the client's speed and size figures, measured side by side in one run.
// These are figures with targets, not pass/fail tests.
import { fork } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { build } from 'esbuild';
import { createCheckoutPageClient } from '../src/index.ts';
import { bin, ROOT } from '../scripts/lib/paths.ts';
import { run } from '../scripts/lib/run.ts';
import { sandboxInProcessStart, sandboxRequestTimes, serverStart, type Spread } from './sandbox.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = fork(path.join(ROOT, 'bench/server.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

interface RequestFigure {
  ms: number;
  /** Median over rounds of (this variant / bare fetch) measured in the same round: robust to drift. */
  ratio: number;
}

async function requestTimes(url: string): Promise<Record<string, RequestFigure>> {
  const client = createCheckoutPageClient({ apiKey: 'sk_test_bench', baseUrl: url });
  const id = '6812fe6e9f39b6760576f01d';
  const headers = { Authorization: 'Bearer sk_test_bench', Accept: 'application/json' };
  const variants: Record<string, () => Promise<unknown>> = {
    'bare fetch': async () => ((await (await fetch(`${url}/v1/payments/${id}`, { headers })).json()) as { data: unknown }).data,
    'resource API (client.payments.get)': () => client.payments.get(id),
    'typed client.GET (openapi-fetch)': () => client.GET('/v1/payments/{paymentId}', { params: { path: { paymentId: id } } }),
  };
  const names = Object.keys(variants);
  const times: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  const ratios: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  const block = 50;
  for (let round = 0; round < 80; round++) {
    // Interleave the variants in short blocks, rotating which goes first, so that drift in the
    // machine's load affects all alike; compare each to bare fetch within the same round.
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    const perRequest: Record<string, number> = {};
    for (const name of order) {
      const started = performance.now();
      for (let i = 0; i < block; i++) await variants[name]!();
      perRequest[name] = (performance.now() - started) / block;
    }
    if (round < 10) continue; // warm-up rounds
    for (const name of names) {
      times[name]!.push(perRequest[name]!);
      ratios[name]!.push(perRequest[name]! / perRequest['bare fetch']!);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { ms: median(times[name]!), ratio: median(ratios[name]!) }]));
}

async function paginationHeapMb(url: string): Promise<{ mb: number; items: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc (npm run bench does).');
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
}

async function bundleKb(): Promise<number> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
  });
  return gzipSync(result.outputFiles[0]!.contents).length / 1024;
}

async function generateSeconds(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const result = await run(bin('tsx'), [path.join(ROOT, 'scripts/generate.ts')], { cwd: ROOT });
    if (result.code !== 0) throw new Error(result.stderr);
    times.push((performance.now() - started) / 1000);
  }
  return median(times);
}

const shown = ({ min, median, max }: Spread, unit: 'ms' | 's') => {
  const f = (ms: number) => (unit === 's' ? (ms / 1000).toFixed(2) : ms.toFixed(3));
  return `${f(median)} ${unit} (min ${f(min)}, max ${f(max)})`;
};

const server = await startServer();
try {
  const times = await requestTimes(server.url);
  const heap = await paginationHeapMb(server.url);
  const kb = await bundleKb();
  const seconds = await generateSeconds();
  const sandboxTimes = await sandboxRequestTimes();
  const sandboxStart = await sandboxInProcessStart();
  const sandboxServerStart = await serverStart('sandbox');
  const prismStart = await serverStart('prism');
  const rows: Array<[string, string, string]> = [
    ...Object.entries(times).map(([name, { ms, ratio }]): [string, string, string] => [
      `median time per request, ${name}`,
      `${(ms * 1000).toFixed(0)} µs (${ratio.toFixed(2)}x bare fetch)`,
      name.startsWith('resource') ? '<= 1.10x bare fetch' : '',
    ]),
    [`heap growth paginating ${heap.items.toLocaleString('en')} items (retained, sampled every 5,000)`, `${heap.mb.toFixed(2)} MB`, '< 20 MB'],
    ['client ESM bundle, minified + gzip (openapi-fetch included)', `${kb.toFixed(1)} kB`, '<= 10 kB'],
    ['`npm run generate`, whole spec (median of 3)', `${seconds.toFixed(2)} s`, '<= 5 s'],
    ...Object.entries(sandboxTimes).map(([name, spread]): [string, string, string] => [`sandbox, time per request in-process: ${name}`, shown(spread, 'ms'), '<= 1 ms']),
    ['sandbox start, import to first answer (in a fresh process, 5 runs)', shown(sandboxStart, 's'), '<= 1 s'],
    ['sandbox start, `npm run sandbox` to first HTTP answer (3 runs)', shown(sandboxServerStart, 's'), '<= 1 s'],
    ['Prism start, `npm run mock` to first HTTP answer (3 runs, for comparison)', shown(prismStart, 's'), ''],
  ];
  console.log(`\n| Figure | Measured | Target |\n| --- | --- | --- |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`\nNode ${process.version}, ${new Date().toISOString().slice(0, 10)}.`);
} finally {
  server.stop();
}
