// `npm run docs` builds one self-contained page that documents every operation of the bundle.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, ROOT } from '../../scripts/lib/paths.ts';
import { run } from '../../scripts/lib/run.ts';
import { bundle, operations } from '../support/bundle.ts';

let html = '';

beforeAll(async () => {
  const result = await run(bin('tsx'), [path.join(ROOT, 'scripts/docs.ts')], { cwd: ROOT });
  expect(result.code, result.stderr).toBe(0);
  html = await readFile(path.join(ROOT, 'docs/site/index.html'), 'utf8');
});

describe('docs/site/index.html', () => {
  it('loads no script from the network', () => {
    expect(html).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
    expect(html).toMatch(/<script/); // the Redoc bundle is inlined instead
  });

  it('documents every operation of the bundle', () => {
    for (const op of operations) expect(html, op.operationId).toContain(op.operationId);
  });

  it('carries the API title and version', () => {
    const info = (bundle as unknown as { info: { title: string; version: string } }).info;
    expect(html).toContain(info.title);
    expect(html).toContain(info.version);
  });
});
