// npm run workflows, as a user runs it: Redocly Respect runs every Arazzo workflow of spec/workflows/
// against a sandbox the script starts. Every workflow must pass with every response schema-checked,
// and a deliberately broken success criterion must make the run fail.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArazzoFiles, WORKFLOWS_DIR, type ArazzoFile } from '../../scripts/lib/arazzo.ts';
import { GENERATED_DIR, ROOT } from '../../scripts/lib/paths.ts';
import type { RespectReport } from '../../scripts/lib/respect.ts';
import { quietEnv } from '../../scripts/lib/run.ts';
import { makeTempDir, removeTempDir } from '../../scripts/lib/temp.ts';

const RUN_TIMEOUT_MS = 300_000;

/** `npm run workflows -- ARGS` in its own process group, killed with its tree if it overruns. */
function runWorkflows(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'workflows', '--', ...args], { cwd: ROOT, env: quietEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

const runnable = (files: ArazzoFile[]) => files.filter((f) => f.sources.every((s) => s.exists));

describe('npm run workflows against the sandbox', () => {
  let dir: string;
  let result: { code: number; output: string };
  let report: RespectReport;
  let files: ArazzoFile[];

  beforeAll(async () => {
    files = await readArazzoFiles();
    dir = await makeTempDir('workflows-test');
    result = await runWorkflows(['--json-output', path.join(dir, 'report.json')]);
    report = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as RespectReport;
  }, RUN_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    if (dir) await removeTempDir(dir);
  });

  it('passes every workflow (at least 10), and says so', () => {
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Every workflow passed, every response schema-checked.');
    const expected = runnable(files).flatMap((f) => f.workflows.map((w) => `${f.name} ${w.workflowId}`)).sort();
    const ran = Object.entries(report.files).flatMap(([file, r]) => r.executedWorkflows.map((w) => `${path.relative(ROOT, path.resolve(ROOT, file))} ${w.workflowId}`)).sort();
    expect(ran).toEqual(expected);
    expect(ran.length).toBeGreaterThanOrEqual(10);
    const failed = Object.values(report.files).flatMap((r) => r.executedWorkflows.filter((w) => w.status !== 'success').map((w) => w.workflowId));
    expect(failed).toEqual([]);
  });

  it('checks every response against the description: status, content type and schema', () => {
    const unchecked: string[] = [];
    let steps = 0;
    for (const r of Object.values(report.files)) {
      for (const w of r.executedWorkflows) {
        for (const step of w.executedSteps) {
          steps++;
          for (const name of ['status code check', 'content-type check', 'schema check']) {
            if (!step.checks.some((c) => c.name === name && c.passed)) unchecked.push(`${w.workflowId}/${step.stepId}: ${name}`);
          }
        }
      }
    }
    expect(unchecked).toEqual([]);
    expect(steps).toBeGreaterThanOrEqual(50);
  });

  it('runs every workflow of spec/workflows/: every source it names exists, none is skipped', () => {
    expect(runnable(files).map((f) => f.name)).toEqual(files.map((f) => f.name));
    expect(result.output).not.toContain('Skipped ');
  });
});

describe('npm run workflows with a broken success criterion', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await makeTempDir('workflows-broken');
  });
  afterAll(async () => {
    if (dir) await removeTempDir(dir);
  });

  it('fails the run and names the failed step', async () => {
    const source = path.join(WORKFLOWS_DIR, 'coupon-lifecycle.arazzo.yaml');
    const text = await readFile(source, 'utf8');
    // The copy lives elsewhere: point it at the bundle by absolute path, and expect 11% off from a 10% coupon.
    const broken = text.replace('../../generated/openapi.yaml', path.join(GENERATED_DIR, 'openapi.yaml')).replace('$response.body#/data/percentOff == 10\n', '$response.body#/data/percentOff == 11\n');
    expect(broken).toContain('percentOff == 11');
    await writeFile(path.join(dir, 'coupon-lifecycle.arazzo.yaml'), broken);
    const result = await runWorkflows(['--dir', dir, '--json-output', path.join(dir, 'report.json')]);
    expect(result.code, result.output).not.toBe(0);
    const report = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as RespectReport;
    const step = Object.values(report.files)[0]!.executedWorkflows[0]!.executedSteps.find((s) => s.stepId === 'createCoupon')!;
    expect(step.checks.find((c) => !c.passed)).toMatchObject({ name: 'success criteria check' });
    expect(result.output).not.toContain('Every workflow passed');
  }, RUN_TIMEOUT_MS + 30_000);
});
