// Global setup: one Prism mock per test run, on a free loopback port, in its own process group,
// ended with its group at the end of the run (and on interruption: child.ts, run-scope.ts).
import type { TestProject } from 'vitest/node';
import { stopGroup } from '../../scripts/lib/child.ts';
import { startPrism, waitForHttp } from '../../scripts/lib/prism.ts';
import { freePort } from '../support/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

// Prism loads and validates the whole bundle before it answers: seconds when idle, a minute or
// more on a loaded 2-core runner.
const START_TIMEOUT_MS = 180_000;

export default async function setup(project: TestProject) {
  const port = await freePort();
  const prism = startPrism({ host: '127.0.0.1', port });
  let log = '';
  prism.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  prism.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, prism, START_TIMEOUT_MS);
  } catch (error) {
    await stopGroup(prism);
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  project.provide('prismUrl', url);
  return () => stopGroup(prism);
}
