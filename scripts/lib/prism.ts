// Starts the Prism mock on the bundle. Shared by `npm run mock` and the contract tests.
import type { ChildProcess } from 'node:child_process';
import { spawnGroup } from './child.ts';
import path from 'node:path';
import { bin, GENERATED_DIR, ROOT } from './paths.ts';
import { quietEnv } from './run.ts';

export const MOCK_SPEC = path.join(GENERATED_DIR, 'openapi.yaml');

const KEEP_ALIVE = path.join(ROOT, 'scripts/lib/keep-alive.cjs');

export function startPrism(options: { host: string; port: number; inheritOutput?: boolean }): ChildProcess {
  const nodeOptions = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(KEEP_ALIVE)}`].filter(Boolean).join(' ');
  return spawnGroup(bin('prism'), ['mock', MOCK_SPEC, '--host', options.host, '--port', String(options.port)], {
    cwd: ROOT,
    env: { ...quietEnv, NODE_OPTIONS: nodeOptions },
    stdio: options.inheritOutput ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves once the server answers any HTTP request; rejects if the process exits first or time runs out. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prism exited with code ${child.exitCode} before it answered`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`Prism did not answer on ${url} within ${timeoutMs} ms`);
}
