// The code samples the docs show for every operation: the TypeScript ones compile against the
// generated types, and the curl ones run against the Prism mock of the same bundle.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prismReady } from '../support/prism.ts';
import { bin, ROOT } from '../../scripts/lib/paths.ts';
import { run } from '../../scripts/lib/run.ts';
import { bundle, operations } from '../support/bundle.ts';

interface Sample {
  lang: string;
  label: string;
  source: string;
}

const samplesOf = (op: (typeof operations)[number]): Sample[] =>
  ((bundle.paths[op.path] as any)[op.method]['x-codeSamples'] ?? []) as Sample[];

let dir: string;
beforeAll(() => prismReady());
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cp-samples-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('x-codeSamples', () => {
  it.each(operations)('$operationId has a curl and a TypeScript sample', (op) => {
    expect(samplesOf(op).map((s) => s.lang)).toEqual(['Shell', 'TypeScript']);
    const [curl, ts] = samplesOf(op);
    expect(curl!.source).toContain('Authorization: Bearer $CHECKOUTPAGE_API_KEY');
    expect(ts!.source).toContain("from 'checkoutpage-openapi'");
  });

  it('TypeScript samples type-check against the generated client', async () => {
    // Each sample is a module of its own, importing the package by name as a user would.
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    for (const op of operations) await writeFile(path.join(dir, `${op.operationId}.ts`), samplesOf(op)[1]!.source);
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(ROOT, 'tsconfig.json'),
        compilerOptions: {
          paths: { 'checkoutpage-openapi': [path.join(ROOT, 'src/index.ts')] },
          typeRoots: [path.join(ROOT, 'node_modules/@types')],
        },
        include: ['*.ts'],
      }),
    );
    const result = await run(bin('tsc'), ['-p', path.join(dir, 'tsconfig.json')], { cwd: dir });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  const hasCurl = (() => {
    try {
      execFileSync('curl', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasCurl && !process.env.CI).each(operations)('the curl sample of $operationId works against the mock', async (op) => {
    const prism = inject('prismUrl');
    const source = samplesOf(op)[0]!.source.replace('https://api.checkoutpage.com', prism);
    // An upload sample reads a file (-F 'file=@name'): give it one, as a user would have.
    for (const [, name] of source.matchAll(/=@([^;']+)/g)) await writeFile(path.join(dir, name!), 'sample file bytes');
    // Fail on any HTTP error status, as a careful user would check.
    const script = `curl() { command curl -sS --fail-with-body "$@"; }\n${source}`;
    const result = await run('bash', ['-c', script], { cwd: dir, env: { CHECKOUTPAGE_API_KEY: 'sk_test_samples' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
