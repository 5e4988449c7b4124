// Global setup: one Prism mock per test run, on a free loopback port, killed by PID at the end.
import type { TestProject } from 'vitest/node';
import { startPrism, waitForHttp } from '../../scripts/lib/prism.ts';
import { freePort } from '../support/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  const prism = startPrism({ host: '127.0.0.1', port });
  let log = '';
  prism.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  prism.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, prism);
  } catch (error) {
    prism.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  project.provide('prismUrl', url);
  return () => {
    if (prism.pid !== undefined && prism.exitCode === null) process.kill(prism.pid, 'SIGTERM');
  };
}
