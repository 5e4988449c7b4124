// Global setup: one scope per test run, so that nothing of the run outlives it. Every temporary
// folder of the suite and of the tools it starts goes under one folder of the run (TMPDIR, which
// os.tmpdir() and most tools read), and every process group started through scripts/lib/child.ts,
// in any worker or script, is listed in the run's registry (CP_CHILD_REGISTRY). At the end of the
// run, and when it is interrupted (Ctrl-C, SIGTERM), the listed groups are killed and the folder
// is removed, even if a worker was killed too hard to clean up after itself.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { sweepRegistry } from '../../scripts/lib/child.ts';

export default function setup(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cp-test-run-'));
  const registry = path.join(root, 'children');
  const tmp = path.join(root, 'tmp');
  mkdirSync(registry);
  mkdirSync(tmp);
  // Set before the workers start: they, and every process they start, inherit both.
  process.env.CP_CHILD_REGISTRY = registry;
  process.env.TMPDIR = tmp;

  let done = false;
  const cleanup = () => {
    if (done) return;
    done = true;
    sweepRegistry(registry);
    rmSync(root, { recursive: true, force: true });
  };
  // On interruption vitest stops its workers and exits; the 'exit' hook then removes the folder,
  // and vitest's own module cache folder, which vitest removes only when a run ends normally.
  const sweep = () => void sweepRegistry(registry);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, sweep);
  process.once('exit', () => {
    cleanup();
    rmSync(project.tmpDir, { recursive: true, force: true });
  });
  return cleanup;
}
