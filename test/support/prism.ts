// The run's Prism mock (test/setup/prism.ts), which the run starts without waiting for it: a suite
// that calls it waits in a beforeAll until it answers, or fails with Prism's own output.
import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';

const TIMEOUT_MS = 240_000; // beyond the start timeout of test/setup/prism.ts, which reports first

/** Resolves with Prism's URL once it answers; rejects with its output if it could not start. */
export async function prismReady(): Promise<string> {
  const url = inject('prismUrl');
  const failureFile = inject('prismFailureFile');
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(failureFile)) throw new Error(`The Prism mock did not start: ${readFileSync(failureFile, 'utf8')}`);
    const answered = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      async (response) => {
        await response.body?.cancel();
        return true;
      },
      () => false,
    );
    if (answered) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The Prism mock did not answer on ${url} within ${TIMEOUT_MS} ms.`);
}
