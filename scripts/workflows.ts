// npm run workflows [-- --server URL --input apiKey=...] [-- --workflow ID] [-- --input name=value]
//                   [-- --json-output FILE] [-- --dir DIR]
// Runs the Arazzo workflows of spec/workflows/ with Redocly Respect. Without --server it starts the
// sandbox on a free loopback port with a fresh random API key (a store of its own), so runs repeat.
// Every run gets unique values (runId, a future cancelAt date, a receiver URL) as inputs, and fails
// unless every workflow passed and every response passed Respect's schema check.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSandbox } from '../src/sandbox/index.ts';
import { readArazzoFiles, type ArazzoFile } from './lib/arazzo.ts';
import { main } from './lib/main.ts';
import { rel } from './lib/paths.ts';
import { runRespect, type RespectReport } from './lib/respect.ts';
import { withTempDir } from './lib/temp.ts';
import { startReceiver } from './lib/workflow-receiver.ts';

const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;
function parseInputs(pairs: string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--input "${pair}": write it as name=value.`);
    inputs[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return inputs;
}

/** Files whose every source exists; the others are listed with what they lack. */
function runnable(files: ArazzoFile[]): { run: ArazzoFile[]; skipped: string[] } {
  const run: ArazzoFile[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const missing = file.sources.filter((s) => !s.exists);
    if (missing.length === 0) run.push(file);
    else skipped.push(`${file.name} (${file.workflows.map((w) => w.workflowId).join(', ')}): its source ${missing.map((s) => `${s.name} (${rel(s.file)})`).join(', ')} does not exist`);
  }
  return { run, skipped };
}

/** Problems the JSON report shows beyond Respect's own verdict: a step whose response was not schema-checked. */
export function unchecked(report: RespectReport): string[] {
  const problems: string[] = [];
  for (const [file, result] of Object.entries(report.files)) {
    for (const workflow of result.executedWorkflows) {
      for (const step of workflow.executedSteps) {
        const schema = step.checks.find((c) => c.name === 'schema check');
        if (!schema?.passed) problems.push(`${file} ${workflow.workflowId}/${step.stepId}: no passed schema check`);
      }
    }
  }
  return problems;
}

await main(async () => {
  const { values } = parseArgs({
    options: {
      server: { type: 'string' },
      workflow: { type: 'string', multiple: true },
      input: { type: 'string', multiple: true },
      'json-output': { type: 'string' },
      // Another folder of Arazzo files (the tests run a deliberately broken copy).
      dir: { type: 'string' },
    },
  });
  const given = parseInputs(values.input ?? []);
  if (values.server && !given.apiKey) throw new Error('--server needs the API key: add --input apiKey=sk_test_...');

  const all = await readArazzoFiles(values.dir ? path.resolve(values.dir) : undefined);
  if (all.length === 0) throw new Error(`No *.arazzo.yaml files in ${values.dir ?? 'spec/workflows/'}.`);
  const { run, skipped } = runnable(all);
  const wanted = values.workflow ?? [];
  for (const id of wanted) {
    if (!all.some((f) => f.workflows.some((w) => w.workflowId === id))) throw new Error(`No workflow "${id}" in ${values.dir ?? 'spec/workflows/'}.`);
    if (!run.some((f) => f.workflows.some((w) => w.workflowId === id))) throw new Error(`Workflow "${id}" cannot run: ${skipped.find((s) => s.includes(id))}`);
  }
  const files = wanted.length ? run.filter((f) => f.workflows.some((w) => wanted.includes(w.workflowId))) : run;
  for (const line of skipped) console.log(`Skipped ${line}.`);

  const sandbox = values.server ? undefined : createSandbox();
  const server = await sandbox?.listen(0);
  const receiver = await startReceiver();
  try {
    const base = values.server ?? server!.url;
    const runId = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const inputs: Record<string, string> = {
      apiKey: `sk_test_workflows_${randomBytes(12).toString('hex')}`,
      runId,
      cancelAt: new Date(Date.now() + THIRTY_DAYS_MS).toISOString(),
      receiverUrl: `${receiver.url}/hooks/${runId}`,
      ...given,
    };
    console.log(`Running ${files.reduce((n, f) => n + f.workflows.length, 0)} workflow(s) against ${values.server ? base : `the sandbox on ${base} (a fresh store)`}.`);
    const sourceNames = new Set(files.flatMap((f) => f.sources.map((s) => s.name)));
    await withTempDir('workflows', async (dir) => {
      const jsonOutput = path.resolve(values['json-output'] ?? path.join(dir, 'respect.json'));
      const args = [
        ...files.map((f) => f.path),
        ...Object.entries(inputs).flatMap(([k, v]) => ['--input', `${k}=${v}`]),
        // Every source is served by the same host: the API, or the sandbox with its control routes.
        ...[...sourceNames].flatMap((name) => ['--server', `${name}=${base}`]),
        ...wanted.flatMap((id) => ['--workflow', id]),
        '--json-output',
        jsonOutput,
      ];
      // Respect names the report file; a scratch one is gone once the run ends, so say nothing of it.
      const kept = values['json-output'] !== undefined;
      const code = await runRespect(args, (text) => process.stdout.write(kept ? text : text.replace(/^.*JSON logs saved in .*\n/m, '')));
      const report = JSON.parse(await readFile(jsonOutput, 'utf8').catch(() => 'null')) as RespectReport | null;
      if (!report) throw new Error(`Respect wrote no report (exit code ${code}): see its output above.`);
      const problems = unchecked(report);
      if (problems.length) throw new Error(`Responses without a passed schema check:\n  ${problems.join('\n  ')}`);
      if (code !== 0 || report.status !== 'success') throw new Error(`Workflows failed (Respect exit code ${code}): see the report above.`);
      console.log(`Every workflow passed, every response schema-checked.${values['json-output'] ? ` Report: ${rel(jsonOutput)}` : ''}`);
    });
  } finally {
    await receiver.close();
    await server?.close();
  }
});
