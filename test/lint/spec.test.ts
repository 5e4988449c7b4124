// `npm run lint` on the real spec and the sandbox's control routes (zero problems of any
// severity), and on a broken copy: it names the source file and line, and speaks GitHub's
// annotation format on request.
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths.ts';
import { runTs, type RunResult } from '../../scripts/lib/run.ts';
import { copyWorkspace, type Workspace } from '../support/workspace.ts';

describe('npm run lint', () => {
  it('reports no problems on spec/', async () => {
    const result = await runTs(path.join(ROOT, 'scripts/lint.ts'), [], { cwd: ROOT });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Spectral: no problems\nRedocly: no problems\nWorkflows (Arazzo): no problems');
    expect(result.code).toBe(0);
  });

  describe('on a spec with a snake_case operationId, a 4xx without the error body, an invalid example and an invalid default', () => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = await copyWorkspace();
      const account = path.join(ws.dir, 'spec/paths/account.yaml');
      await writeFile(account, (await readFile(account, 'utf8')).replace('operationId: getAccount', 'operationId: get_account'));
      const customer = path.join(ws.dir, 'spec/paths/customers_{customerId}.yaml');
      const text = await readFile(customer, 'utf8');
      await writeFile(customer, text.replace("    '404':\n      $ref: ../components/responses/NotFound.yaml", "    '404':\n      description: Not found."));
      const example = path.join(ws.dir, 'spec/components/examples/customers/Customer.yaml');
      await writeFile(example, (await readFile(example, 'utf8')).replace(/email: .*/, 'email: 42'));
      // The sandbox's control routes are linted too (npm run lint names their root too).
      const reset = path.join(ws.dir, 'spec/sandbox/paths/reset.yaml');
      await writeFile(reset, (await readFile(reset, 'utf8')).replace(/^ {2}summary: .*\n/m, ''));
      const limit = path.join(ws.dir, 'spec/components/parameters/Limit.yaml');
      await writeFile(limit, (await readFile(limit, 'utf8')).replace('default: 20', 'default: 500'));
    });
    afterAll(() => ws.remove());

    // One run, in the format for GitHub Actions: the report people read, then the annotations.
    let result: RunResult;
    beforeAll(async () => {
      result = await ws.script('lint', ['--format', 'github-actions']);
    });

    it('fails, naming each file and line with the rule and its message', () => {
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        'spec/paths/account.yaml:2 #/get/operationId  error  cp-operation-id  operationId "get_account" must be camelCase with a leading verb',
      );
      expect(result.stdout).toMatch(
        /spec\/paths\/customers_\{customerId\}\.yaml:\d+ #\/get\/responses\/404  error  cp-error-response-body  Error response 404 must have an application\/json body/,
      );
      // Examples are checked by Redocly (Spectral's own example check is off: .spectral.yaml says why).
      expect(result.stdout).toMatch(/spec\/components\/examples\/customers\/Customer\.yaml:\d+ .* error  no-invalid-media-type-examples  .*email/);
      expect(result.stdout).toMatch(/spec\/sandbox\/paths\/reset\.yaml:\d+ #\/post\/summary  error  operation-summary  /);
      // Schema defaults and examples: cp-schema-values (.spectral.yaml says why it replaces Spectral's own).
      expect(result.stdout).toMatch(/spec\/components\/parameters\/Limit\.yaml:\d+ #\/schema\/default  error  cp-schema-values  "default" property must be <= 100/);
      expect(result.stderr).toContain('Lint failed');
    });

    it('adds a GitHub annotation for each problem with --format github-actions', () => {
      expect(result.stdout).toMatch(/^::error file=spec\/paths\/account\.yaml,line=2,title=cp-operation-id::operationId "get_account"/m);
      expect(result.stdout).toMatch(/^::error file=spec\/components\/parameters\/Limit\.yaml,line=\d+,title=cp-schema-values::/m);
      // One per problem: as many as the report lists.
      const listed = [...result.stdout.matchAll(/^(Spectral|Redocly|Workflows \(Arazzo\)): (\d+) problem/gm)].reduce((n, m) => n + Number(m[2]), 0);
      expect(listed).toBeGreaterThanOrEqual(5);
      expect(result.stdout.match(/^::(error|warning|notice) /gm)).toHaveLength(listed);
    });
  });
});
