// The lint of the workflows (part of npm run lint): clean on spec/workflows/, and on broken copies it
// names the file, line and rule of what Redocly's own Arazzo lint misses.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOWS_DIR } from '../../scripts/lib/arazzo.ts';
import { lintWorkflows } from '../../scripts/lib/lint-workflows.ts';
import { GENERATED_DIR } from '../../scripts/lib/paths.ts';
import { makeTempDir, removeTempDir } from '../../scripts/lib/temp.ts';

describe('lintWorkflows', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir('workflows-lint');
  });
  afterAll(async () => {
    if (dir) await removeTempDir(dir);
  });

  it('finds no problem in spec/workflows/', async () => {
    expect(await lintWorkflows()).toEqual([]);
  });

  it('reports an unknown operation, a reused workflowId, an unmasked key and a misspelt field, with file and line', async () => {
    const text = (await readFile(path.join(WORKFLOWS_DIR, 'coupon-lifecycle.arazzo.yaml'), 'utf8')).replace('../../generated/openapi.yaml', path.join(GENERATED_DIR, 'openapi.yaml'));
    await writeFile(path.join(dir, 'a.arazzo.yaml'), text.replace('operationId: listCoupons', 'operationId: listCoupon'));
    await writeFile(path.join(dir, 'b.arazzo.yaml'), text.replace('          format: password\n', '').replace('successCriteria:', 'successCriterion:'));
    const problems = await lintWorkflows(dir);
    const line = text.split('\n').findIndex((l) => l.includes('operationId: listCoupons')) + 1;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: expect.stringMatching(/a\.arazzo\.yaml$/), line, rule: 'operation-exists', message: expect.stringContaining('"listCoupon"') }),
        expect.objectContaining({ file: expect.stringMatching(/b\.arazzo\.yaml$/), rule: 'workflow-id-unique' }),
        expect.objectContaining({ file: expect.stringMatching(/b\.arazzo\.yaml$/), rule: 'api-key-masked' }),
        expect.objectContaining({ file: expect.stringMatching(/b\.arazzo\.yaml$/), rule: 'struct' }),
      ]),
    );
  });
});
