import os from 'node:os';
import { defineConfig } from 'vitest/config';

// One worker per core: most suites run CPU-bound tools (tsc, Spectral, Redocly, the generators,
// Chromium), and more workers than cores only make each of them slower on a busy 2-core runner.
const cores = os.availableParallelism();

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // run-scope first: its teardown runs last, after Prism's.
    globalSetup: ['test/setup/run-scope.ts', 'test/setup/prism.ts'],
    setupFiles: ['test/setup/children.ts'],
    // A timeout only catches a hang: it must never be tighter than real work on a loaded 2-core
    // runner, where one `npm run lint` or `tsc` can take several times its idle duration.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    maxWorkers: cores,
    // Files share a worker's module cache instead of each loading its own (imports took 19 s of the
    // run, and the bundle, the compiled spec and the sandbox's seed were built again per file). No
    // test mocks a module, stubs a global or fakes timers, so nothing leaks from one file to the next.
    isolate: false,
    // Concurrent tests (the code generators) each run a tool and tsc: no more at once than cores.
    maxConcurrency: cores,
  },
});
