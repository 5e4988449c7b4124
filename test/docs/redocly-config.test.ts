// Every tool that reads redocly.yaml reads it without a warning or an error: Redocly CLI 2 (config
// linting as errors) and openapi-typescript, which reads it with its own Redocly core 1.x and used
// to stop on `extends: diff-recommended`. The Redoc options in docs/redoc.yaml are read by the docs
// build only, which turns config linting off for one known mismatch: this test pins that it is the
// only one, so the switch goes once Redocly's config schema learns the `key` Redoc needs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, ROOT } from '../../scripts/lib/paths.ts';
import { run } from '../../scripts/lib/run.ts';
import { makeTempDir, removeTempDir } from '../../scripts/lib/temp.ts';

const FIXTURE = 'test/fixtures/lint/good.yaml';
let dir: string;

beforeAll(async () => {
  dir = await makeTempDir('redocly-config');
});
afterAll(() => removeTempDir(dir));

describe('redocly.yaml', () => {
  it('is read by Redocly CLI with config linting as errors, and prints no warning', async () => {
    const result = await run(bin('redocly'), ['lint', FIXTURE, '--lint-config', 'error'], { cwd: ROOT });
    expect(result.stdout + result.stderr).not.toMatch(/not expected here|configuration struct|Invalid config|warning/i);
    expect(result.code, result.stderr).toBe(0);
  });

  it('is read by openapi-typescript run in the repository on the bundle, without an error or warning', async () => {
    const out = path.join(dir, 'schema.d.ts');
    const result = await run(bin('openapi-typescript'), ['generated/openapi.json', '-o', out], { cwd: ROOT });
    expect(result.stderr).not.toMatch(/Invalid config|no such built-in config|⚠|✘/);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('export interface paths {');
  }, 180_000);

  it('leaves the diff rules to scripts/lib/redocly-diff.yaml, which Redocly CLI reads cleanly', async () => {
    const result = await run(bin('redocly'), ['diff', FIXTURE, FIXTURE, '--config', 'scripts/lib/redocly-diff.yaml', '--lint-config', 'error', '--format', 'json', '--fail-on', 'none'], { cwd: ROOT });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))).changes).toEqual([]);
  });
});

describe('docs/redoc.yaml', () => {
  it('differs from Redocly\'s config schema only by the `key` of each code-sample language, which Redoc needs', async () => {
    const result = await run(bin('redocly'), ['lint', FIXTURE, '--config', 'docs/redoc.yaml', '--lint-config', 'warn'], { cwd: ROOT });
    const complaints = [...(result.stdout + result.stderr).matchAll(/at (#\/\S+)\s*\n+\s*(.+)/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(complaints).toEqual([0, 1, 2].map((i) => `#/openapi/codeSamples/languages/${i}/key: Property \`key\` is not expected here.`));
  });
});
