// The run's Prism mock (test/setup/prism.ts), which the run starts without waiting for it: a suite
// that calls it waits in a beforeAll until it answers, or fails with Prism's own output.
import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { PRISM_START_TIMEOUT_MS, waitForHttp } from '../../scripts/lib/prism.ts';

/** Resolves with Prism's URL once it answers; rejects with its output if it could not start. */
export async function prismReady(): Promise<string> {
  const url = inject('prismUrl');
  const failureFile = inject('prismFailureFile');
  const failed = () => (existsSync(failureFile) ? `The Prism mock did not start: ${readFileSync(failureFile, 'utf8')}` : undefined);
  // A minute beyond the setup's own wait, so that the setup's report (Prism's output) comes first.
  await waitForHttp(url, failed, PRISM_START_TIMEOUT_MS + 60_000);
  return url;
}
