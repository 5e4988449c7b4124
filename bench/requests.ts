// Time per request of the client against a loopback server, beside a bare fetch: the resource API
// (client.payments.get) and the typed openapi-fetch method (client.GET). The variants take turns
// request by request (the order rotating), so a GC pause, a busy neighbour or a change of clock
// speed falls on all of them alike. A round is 60 turns; its figure per variant is the median of
// its request times, and each variant is divided by the bare fetch of the SAME round. The spread
// is over rounds. (Blocks of 100 requests per variant, as before, let such drift decide a block:
// the resource API's ratio wandered from 0.99x to 1.18x between runs.)
import { fork } from 'node:child_process';
import path from 'node:path';
import { createCheckoutPageClient } from '../src/index.ts';
import { ROOT } from '../scripts/lib/paths.ts';
import { createBenchServer, listen } from './server.ts';
import { spread, type Spread } from './stats.ts';

export interface RequestFigures {
  /** Microseconds per request, per variant. */
  micros: Record<string, Spread>;
  /** Variant time / bare fetch time in the same round. */
  ratio: Record<string, Spread>;
}

export const VARIANTS = ['bare fetch', 'resource API (client.payments.get)', 'typed client.GET (openapi-fetch)'] as const;

async function measure(url: string, rounds: number): Promise<RequestFigures> {
  const client = createCheckoutPageClient({ apiKey: 'sk_test_bench', baseUrl: url });
  const id = '6812fe6e9f39b6760576f01d';
  const headers = { Authorization: 'Bearer sk_test_bench', Accept: 'application/json' };
  const calls: Record<(typeof VARIANTS)[number], () => Promise<unknown>> = {
    'bare fetch': async () => ((await (await fetch(`${url}/v1/payments/${id}`, { headers })).json()) as { data: unknown }).data,
    'resource API (client.payments.get)': () => client.payments.get(id),
    'typed client.GET (openapi-fetch)': () => client.GET('/v1/payments/{paymentId}', { params: { path: { paymentId: id } } }),
  };
  const times = Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]]));
  const ratios = Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]]));
  const turns = 60;
  const warmUp = 5;
  const samples: Record<string, number[]> = Object.fromEntries(VARIANTS.map((v) => [v, new Array<number>(turns)]));
  for (let round = 0; round < rounds + warmUp; round++) {
    for (let turn = 0; turn < turns; turn++) {
      for (let i = 0; i < VARIANTS.length; i++) {
        const name = VARIANTS[(i + turn) % VARIANTS.length]!;
        const started = performance.now();
        await calls[name]();
        samples[name]![turn] = (performance.now() - started) * 1000;
      }
    }
    if (round < warmUp) continue;
    const perRequest = Object.fromEntries(VARIANTS.map((v) => [v, spread(samples[v]!).median]));
    for (const name of VARIANTS) {
      times[name]!.push(perRequest[name]!);
      ratios[name]!.push(perRequest[name]! / perRequest['bare fetch']!);
    }
  }
  return {
    micros: Object.fromEntries(VARIANTS.map((v) => [v, spread(times[v]!)])),
    ratio: Object.fromEntries(VARIANTS.map((v) => [v, spread(ratios[v]!)])),
  };
}

/** The server in its own process. */
export async function requestsToOtherProcess(rounds = 100): Promise<RequestFigures> {
  const child = fork(path.join(ROOT, 'bench/server.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  try {
    const url = await new Promise<string>((resolve) => child.once('message', (m: { url: string }) => resolve(m.url)));
    return await measure(url, rounds);
  } finally {
    child.kill();
  }
}

/** The server in this process, sharing the client's event loop (as in many test set-ups). */
export async function requestsInProcess(rounds = 100): Promise<RequestFigures> {
  const server = createBenchServer();
  try {
    return await measure(await listen(server), rounds);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
