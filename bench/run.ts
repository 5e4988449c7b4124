// npm run bench: every speed, size and memory figure with its target, measured side by side in one
// run. Figures, not pass/fail tests: each repeated measurement prints its min, median and max.
//   npm run bench                 everything (about 15 minutes on an idle machine: `npm test` runs three times)
//   npm run bench -- --quick      everything but the `npm test` figure
//   npm run bench -- --commands   only the whole commands: lint, generate (and bare openapi-typescript), build, test
//   --test-runs N, --generate-runs N, --lint-runs N, --build-runs N   how many times each command runs (default 3, 5, 5, 2)
import os from 'node:os';
import { parseCliOrExit } from '../scripts/lib/cli.ts';
import { generateVersusBare, timeCommand, type CommandFigures } from './commands.ts';
import { paginationHeap } from './heap.ts';
import { requestsInProcess, requestsToOtherProcess, VARIANTS, type RequestFigures } from './requests.ts';
import { sandboxInProcessStart, sandboxRequestTimes, sandboxScaling, serverStart } from './sandbox.ts';
import { bundleMb, clientKb } from './size.ts';
import { show, type Row, type Spread } from './stats.ts';
import { workflowsRow } from './workflows.ts';

const { values } = parseCliOrExit({
  usage: 'Usage: npm run bench -- [--quick] [--commands] [--test-runs N] [--generate-runs N] [--lint-runs N] [--build-runs N]',
  options: {
    quick: { type: 'boolean', default: false },
    'test-runs': { type: 'string', default: '3' },
    'generate-runs': { type: 'string', default: '5' },
    'lint-runs': { type: 'string', default: '5' },
    'build-runs': { type: 'string', default: '2' },
    commands: { type: 'boolean', default: false },
  },
});

const atMost = (limit: number, unit: string, value: number, decimals = 2): Pick<Row, 'target' | 'met'> => ({
  target: `<= ${limit.toFixed(decimals).replace(/\.?0+$/, '')}${unit}`,
  met: value <= limit,
});
const seconds = (s: Spread) => show(s, ' s');
const ms = (s: Spread) => show(s, ' ms', 3);

function requestRows(where: string, figures: RequestFigures): Row[] {
  const [bare, resource, typed] = VARIANTS;
  return [
    { figure: `time per request, bare \`fetch\` (${where})`, measured: show(figures.micros[bare]!, ' µs', 0), target: '' },
    { figure: `resource API (\`client.payments.get\`) / bare fetch, same round (${where})`, measured: show(figures.ratio[resource]!, 'x'), ...atMost(1.1, 'x', figures.ratio[resource]!.median) },
    { figure: `typed \`client.GET\` (openapi-fetch) / bare fetch, same round (${where})`, measured: show(figures.ratio[typed]!, 'x'), ...atMost(1.3, 'x', figures.ratio[typed]!.median) },
  ];
}

const machine = `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${os.type()} ${os.release()}; Node ${process.version}`;
const loadBefore = os.loadavg()[0]!.toFixed(2);
console.log(`Benchmarking on ${machine}.`);

const rows: Row[] = [];
const load = () => os.loadavg()[0]!.toFixed(2);
/** The load average (1 min) before and after the last step: wall times are read against it. */
let stepLoad = '';
const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  process.stdout.write(`- ${label}...`);
  const started = performance.now();
  const before = load();
  const result = await work();
  stepLoad = `load ${before} -> ${load()}`;
  console.log(` ${((performance.now() - started) / 1000).toFixed(0)} s (${stepLoad})`);
  return result;
};
/** Wall time with its spread, then the CPU time and the load it was measured under. */
const timed = (f: CommandFigures) => `${show(f.wall, ' s', 1)}; CPU ${show(f.cpu, ' s', 1)}; ${stepLoad}`;

if (!values.commands) {
  rows.push(...requestRows('server in its own process', await step('requests, server in its own process', () => requestsToOtherProcess())));
  rows.push(...requestRows('server in the same process', await step('requests, server in the same process', () => requestsInProcess())));

  const heap = await step('pagination heap', () => paginationHeap());
  rows.push({ figure: `heap growth paginating ${heap.items.toLocaleString('en')} items (retained, sampled every 5,000)`, measured: `${heap.mb.toFixed(2)} MB`, ...atMost(20, ' MB', heap.mb) });

  const kb = await clientKb();
  rows.push({ figure: 'client entry, minified + gzip, openapi-fetch included', measured: `${kb.toFixed(1)} kB`, ...atMost(8, ' kB', kb) });
  const mb = await bundleMb();
  rows.push({ figure: '`generated/openapi.json`', measured: `${mb.toFixed(3)} MB`, ...atMost(1.4, ' MB', mb) });

  const sandboxTimes = await step('sandbox requests', () => sandboxRequestTimes());
  for (const [name, s] of Object.entries(sandboxTimes)) rows.push({ figure: `sandbox, time per request in-process: ${name}`, measured: ms(s), ...atMost(1, ' ms', s.median) });
  const sandboxStart = await step('sandbox start', () => sandboxInProcessStart());
  rows.push({ figure: `sandbox start in-process, import to first answer (${sandboxStart.runs} fresh processes)`, measured: seconds({ ...sandboxStart, min: sandboxStart.min / 1000, median: sandboxStart.median / 1000, max: sandboxStart.max / 1000 }), ...atMost(1, ' s', sandboxStart.median / 1000) });
  const sandboxServer = await step('npm run sandbox start', () => serverStart('sandbox'));
  rows.push({ figure: `\`npm run sandbox\` to its first HTTP answer (${sandboxServer.runs} runs)`, measured: seconds({ ...sandboxServer, min: sandboxServer.min / 1000, median: sandboxServer.median / 1000, max: sandboxServer.max / 1000 }), ...atMost(1, ' s', sandboxServer.median / 1000) });
  const prism = await step('Prism start', () => serverStart('prism'));
  rows.push({ figure: `Prism (\`npm run mock\`) to its first HTTP answer, for comparison (${prism.runs} runs)`, measured: seconds({ ...prism, min: prism.min / 1000, median: prism.median / 1000, max: prism.max / 1000 }), target: '' });
  const scaling = await step('sandbox with 50,000 records', () => sandboxScaling());
  for (const [name, ratio] of Object.entries(scaling.ratio)) {
    rows.push({ figure: `sandbox, ${name} with ${scaling.records.toLocaleString('en')} records / with 100, same round (${show(scaling.largeMs[name]!, ' ms', 3)} each)`, measured: show(ratio, 'x'), ...atMost(2, 'x', ratio.median) });
  }
  rows.push({ figure: `sandbox heap after ${scaling.records.toLocaleString('en')} creates (retained, after GC)`, measured: `${scaling.heapMb.toFixed(1)} MB`, target: '' });
  rows.push(await step('npm run workflows', () => workflowsRow()));
}

const lintRuns = Number(values['lint-runs']);
const lint = await step(`npm run lint x${lintRuns}`, () => timeCommand(['run', '-s', 'lint'], lintRuns));
rows.push({ figure: `\`npm run lint\`, Spectral and Redocly (${lint.wall.runs} runs)`, measured: timed(lint), ...atMost(8, ' s', lint.wall.median) });

const generateRuns = Number(values['generate-runs']);
const generate = await step(`npm run generate and bare openapi-typescript, taking turns x${generateRuns}`, () => generateVersusBare(generateRuns));
rows.push({ figure: `\`npm run generate\`, all outputs (${generate.generate.wall.runs} runs)`, measured: timed(generate.generate), ...atMost(3, ' s', generate.generate.wall.median) });
rows.push({ figure: `bare \`openapi-typescript openapi.json\` outside the repo, taking turns with generate (${generate.bare.wall.runs} runs)`, measured: timed(generate.bare), target: '' });
rows.push({ figure: '`npm run generate` / bare `openapi-typescript`, wall time, pair by pair', measured: `${show(generate.ratio, 'x')}; CPU ${show(generate.cpuRatio, 'x')}`, ...atMost(1.2, 'x', generate.ratio.median) });

const buildRuns = Number(values['build-runs']);
const build = await step(`npm run build x${buildRuns}`, () => timeCommand(['run', '-s', 'build'], buildRuns));
rows.push({ figure: `\`npm run build\`: lint, generate, docs, compile (${build.wall.runs} runs)`, measured: timed(build), ...atMost(30, ' s', build.wall.median) });

if (!values.quick) {
  const testRuns = Number(values['test-runs']);
  const tests = await step(`npm test x${testRuns}`, () => timeCommand(['test'], testRuns));
  rows.push({ figure: `\`npm test\`, every suite (${tests.wall.runs} runs)`, measured: timed(tests), ...atMost(180, ' s', tests.wall.median) });
}

const mark = (met: boolean | undefined) => (met === undefined ? '' : met ? ' ✓' : ' ✗ missed');
console.log(`\n| Figure | Measured: median (min, max) | Target |\n| --- | --- | --- |`);
for (const row of rows) console.log(`| ${row.figure} | ${row.measured} | ${row.target}${mark(row.met)} |`);
const targeted = rows.filter((r) => r.met !== undefined);
console.log(`\n${targeted.filter((r) => r.met).length} of ${targeted.length} targets met (medians). ${machine}; load average ${loadBefore} before, ${os.loadavg()[0]!.toFixed(2)} after; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
