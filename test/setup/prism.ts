// Global setup: one Prism mock per test run, on a free loopback port, in its own process group,
// ended with its group at the end of the run (and on interruption: child.ts, run-scope.ts).
// The run does not wait for it: Prism takes seconds to load the bundle, on one core, while the
// other core would sit idle. Tests that call it wait in a beforeAll (test/support/prism.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopGroup } from '../../scripts/lib/child.ts';
import { PRISM_START_TIMEOUT_MS, startPrism, waitForHttp } from '../../scripts/lib/prism.ts';
import { freePort } from '../support/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
    /** Written, with Prism's last output, if it could not start. */
    prismFailureFile: string;
  }
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  const prism = startPrism({ host: '127.0.0.1', port });
  let log = '';
  prism.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  prism.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  // In the run's own temporary folder (run-scope.ts sets TMPDIR first).
  const failureFile = path.join(process.env.TMPDIR!, `prism-${port}-failed.txt`);
  waitForHttp(url, prism, PRISM_START_TIMEOUT_MS).catch(async (error: unknown) => {
    await stopGroup(prism);
    writeFileSync(failureFile, `${(error as Error).message}\n${log}`);
  });
  project.provide('prismUrl', url);
  project.provide('prismFailureFile', failureFile);
  return () => stopGroup(prism);
}
