import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/prism.ts'],
    // Some suites start real tools (Redocly, Spectral, Chromium); give them room on a 2-core machine.
    testTimeout: 60_000,
    // Most suites spend their time waiting on child processes (Prism, Chromium, tsc, Spectral, the
    // code generators), so three workers overlap that waiting even on a 2-core machine (the
    // default there is one): about 165 s instead of 210 s for the whole suite.
    maxWorkers: 3,
    hookTimeout: 120_000,
  },
});
