// npm run bench: every speed, size and memory figure with its target, measured side by side in one
// run. Figures, not pass/fail tests: each repeated measurement prints its min, median and max.
//   npm run bench                 everything (about 12 minutes: `npm test` runs three times)
//   npm run bench -- --quick      everything but the `npm test` figure
//   --test-runs N, --generate-runs N   how many times the whole commands run (default 3 and 5)
import os from 'node:os';
import { parseCliOrExit } from '../scripts/lib/cli.ts';
import { timeCommand } from './commands.ts';
import { paginationHeap } from './heap.ts';
import { requestsInProcess, requestsToOtherProcess, VARIANTS, type RequestFigures } from './requests.ts';
import { sandboxInProcessStart, sandboxRequestTimes, sandboxScaling, serverStart } from './sandbox.ts';
import { bundleMb, clientKb } from './size.ts';
import { show, type Row, type Spread } from './stats.ts';
import { workflowsRow } from './workflows.ts';

const { values } = parseCliOrExit({
  usage: 'Usage: npm run bench -- [--quick] [--test-runs N] [--generate-runs N]',
  options: {
    quick: { type: 'boolean', default: false },
    'test-runs': { type: 'string', default: '3' },
    'generate-runs': { type: 'string', default: '5' },
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
const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  process.stdout.write(`- ${label}...`);
  const started = performance.now();
  const result = await work();
  console.log(` ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return result;
};

rows.push(...requestRows('server in its own process', await step('requests, server in its own process', () => requestsToOtherProcess())));
rows.push(...requestRows('server in the same process', await step('requests, server in the same process', () => requestsInProcess())));

const heap = await step('pagination heap', () => paginationHeap());
rows.push({ figure: `heap growth paginating ${heap.items.toLocaleString('en')} items (retained, sampled every 5,000)`, measured: `${heap.mb.toFixed(2)} MB`, ...atMost(20, ' MB', heap.mb) });

const kb = await clientKb();
rows.push({ figure: 'client entry, minified + gzip, openapi-fetch included', measured: `${kb.toFixed(1)} kB`, ...atMost(8, ' kB', kb) });
const mb = await bundleMb();
rows.push({ figure: '`generated/openapi.json`', measured: `${mb.toFixed(3)} MB`, ...atMost(1.4, ' MB', mb) });

const generateRuns = Number(values['generate-runs']);
const generate = await step(`npm run generate x${generateRuns}`, () => timeCommand(['run', '-s', 'generate'], generateRuns));
rows.push({ figure: `\`npm run generate\`, all operations (${generate.runs} runs)`, measured: seconds(generate), ...atMost(3, ' s', generate.median) });

const sandboxTimes = await step('sandbox requests', () => sandboxRequestTimes());
for (const [name, s] of Object.entries(sandboxTimes)) rows.push({ figure: `sandbox, time per request in-process: ${name}`, measured: ms(s), ...atMost(1, ' ms', s.median) });
const scaling = await step('sandbox with 50,000 records', () => sandboxScaling());
for (const [name, ratio] of Object.entries(scaling.ratio)) {
  rows.push({ figure: `sandbox, ${name} with ${scaling.records.toLocaleString('en')} records / with 100, same round (${show(scaling.largeMs[name]!, ' ms', 3)} each)`, measured: show(ratio, 'x'), ...atMost(2, 'x', ratio.median) });
}
rows.push({ figure: `sandbox heap after ${scaling.records.toLocaleString('en')} creates (retained, after GC)`, measured: `${scaling.heapMb.toFixed(1)} MB`, target: '' });
const sandboxStart = await step('sandbox start', () => sandboxInProcessStart());
rows.push({ figure: `sandbox start in-process, import to first answer (${sandboxStart.runs} fresh processes)`, measured: seconds({ ...sandboxStart, min: sandboxStart.min / 1000, median: sandboxStart.median / 1000, max: sandboxStart.max / 1000 }), ...atMost(1, ' s', sandboxStart.median / 1000) });
const sandboxServer = await step('npm run sandbox start', () => serverStart('sandbox'));
rows.push({ figure: `\`npm run sandbox\` to its first HTTP answer (${sandboxServer.runs} runs)`, measured: seconds({ ...sandboxServer, min: sandboxServer.min / 1000, median: sandboxServer.median / 1000, max: sandboxServer.max / 1000 }), ...atMost(1, ' s', sandboxServer.median / 1000) });
const prism = await step('Prism start', () => serverStart('prism'));
rows.push({ figure: `Prism (\`npm run mock\`) to its first HTTP answer, for comparison (${prism.runs} runs)`, measured: seconds({ ...prism, min: prism.min / 1000, median: prism.median / 1000, max: prism.max / 1000 }), target: '' });
rows.push(await step('npm run workflows', () => workflowsRow()));

if (!values.quick) {
  const testRuns = Number(values['test-runs']);
  const tests = await step(`npm test x${testRuns}`, () => timeCommand(['test'], testRuns));
  const minutes = { ...tests, min: tests.min / 60, median: tests.median / 60, max: tests.max / 60 };
  rows.push({ figure: `\`npm test\`, every suite (${tests.runs} runs)`, measured: show(minutes, ' min'), ...atMost(4, ' min', minutes.median) });
}

const mark = (met: boolean | undefined) => (met === undefined ? '' : met ? ' ✓' : ' ✗ missed');
console.log(`\n| Figure | Measured: median (min, max) | Target |\n| --- | --- | --- |`);
for (const row of rows) console.log(`| ${row.figure} | ${row.measured} | ${row.target}${mark(row.met)} |`);
const targeted = rows.filter((r) => r.met !== undefined);
console.log(`\n${targeted.filter((r) => r.met).length} of ${targeted.length} targets met (medians). ${machine}; load average ${loadBefore} before, ${os.loadavg()[0]!.toFixed(2)} after; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
