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

/** Prism loads and validates the whole bundle before it answers: seconds when idle, a minute or more on a loaded 2-core runner. */
export const PRISM_START_TIMEOUT_MS = 180_000;

/**
 * Resolves once the server answers any HTTP request. Rejects when time runs out, or as soon as it
 * cannot start: its process exited, or `failed()` returns the reason (for a waiter that is not the
 * process's parent).
 */
export async function waitForHttp(url: string, failed: ChildProcess | (() => string | undefined), timeoutMs = 30_000): Promise<void> {
  const reason =
    typeof failed === 'function' ? failed : () => (failed.exitCode !== null ? `Prism exited with code ${failed.exitCode} before it answered` : undefined);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const why = reason();
    if (why !== undefined) throw new Error(why);
    try {
      const answer = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await answer.body?.cancel();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`Prism did not answer on ${url} within ${timeoutMs} ms`);
}
