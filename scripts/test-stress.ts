// npm run test:stress [-- --runs N --busy N [vitest filters...]]: the whole suite (vitest run) as on a busy CI runner,
// with N CPU-bound busy processes beside it (default 2: on a 2-core machine, as much load again
// as the cores), N times in a row (default 1), stopping at the first failing run. Each run's
// wall time and the load average before and after it are printed. The busy processes run in a
// process group of their own and are killed when the runs end, fail or are interrupted.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { setInterruptGrace, spawnGroup, stopGroup } from './lib/child.ts';
import { main } from './lib/main.ts';
import { bin, ROOT } from './lib/paths.ts';

const { values, positionals: filters } = parseArgs({
  options: { runs: { type: 'string', default: '1' }, busy: { type: 'string', default: '2' } },
  allowPositionals: true,
});
// On Ctrl-C vitest cancels its run and cleans up (test/setup/run-scope.ts): give it time for that.
setInterruptGrace(30_000);

const count = (name: string, text: string) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${text}".`);
  return n;
};

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function runSuite(): Promise<number> {
  return new Promise((resolve, reject) => {
    const vitest = spawnGroup(bin('vitest'), ['run', ...filters], { cwd: ROOT, stdio: 'inherit' });
    vitest.once('error', reject);
    vitest.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

await main(async () => {
  const runs = count('runs', values.runs!);
  const busyCount = count('busy', values.busy!);
  // The spin loop runs until its group is killed; nothing else runs in it.
  const busy = Array.from({ length: busyCount }, () => spawnGroup(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  const results: string[] = [];
  try {
    for (let i = 1; i <= runs; i++) {
      const before = load();
      const started = performance.now();
      console.log(`\n=== test:stress run ${i} of ${runs}, ${busyCount} busy process(es), load average ${before} ===`);
      const code = await runSuite();
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      results.push(`run ${i}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s, load average ${before} before, ${load()} after`);
      if (code !== 0) break;
    }
  } finally {
    await Promise.all(busy.map((child) => stopGroup(child)));
  }
  console.log(`\ntest:stress with ${busyCount} busy process(es) on ${os.availableParallelism()} cores:\n${results.map((r) => `  ${r}`).join('\n')}`);
  const passed = results.filter((r) => r.includes('passed')).length;
  console.log(`${passed} passed, ${runs - passed} failed`);
  if (passed < runs) throw new Error(`test:stress: ${runs - passed} of ${runs} run(s) did not pass.`);
});
