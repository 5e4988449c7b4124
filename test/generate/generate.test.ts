// `npm run generate` and `npm run check:generated`: committed output matches the spec, and a broken
// spec fails loudly without touching generated/.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace, type Workspace } from '../support/workspace.ts';

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = await readFile(path.join(dir, name), 'utf8');
  return files;
}

// One copy of the project for the whole file: each test puts back what it broke (afterEach).
let ws: Workspace;
const undo: Array<() => Promise<void>> = [];
beforeAll(async () => {
  ws = await copyWorkspace();
});
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
});
afterAll(() => ws?.remove());

/** Replaces a file of the copy (or removes it, with null) until the test ends. */
async function change(relative: string, text: string | null): Promise<void> {
  const file = path.join(ws.dir, relative);
  const before = await readFile(file, 'utf8').catch(() => null);
  undo.push(() => (before === null ? rm(file, { force: true }) : writeFile(file, before)));
  if (text === null) await rm(file);
  else await writeFile(file, text);
}

describe('generated/', () => {
  it('is exactly what the spec produces (check:generated passes on the committed files)', async () => {
    const result = await ws.script('check-generated');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('check:generated fails and names the stale file when the spec changes without regenerating', async () => {
    const file = 'spec/components/schemas/account/Account.yaml';
    await change(file, (await readFile(path.join(ws.dir, file), 'utf8')).replace('The seller account that owns the API key.', 'Changed.'));
    const result = await ws.script('check-generated');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('generated/openapi.json');
    expect(result.stderr).toContain('Run `npm run generate`');
  });

  it('fails naming the missing file when a $ref points nowhere, and leaves generated/ untouched', async () => {
    const generated = path.join(ws.dir, 'generated');
    const before = await snapshot(generated);
    await change('spec/components/schemas/common/ObjectId.yaml', null);
    const result = await ws.script('generate');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('spec/components/schemas/common/ObjectId.yaml');
    expect(result.stderr).toMatch(/Can't resolve \$ref/);
    expect(await snapshot(generated)).toEqual(before);
  });

  it('fails naming both files when two component files share a name, and leaves generated/ untouched', async () => {
    const generated = path.join(ws.dir, 'generated');
    const before = await snapshot(generated);
    await change('spec/components/schemas/customers/ObjectId.yaml', await readFile(path.join(ws.dir, 'spec/components/schemas/common/ObjectId.yaml'), 'utf8'));
    const result = await ws.script('generate');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('spec/components/schemas/common/ObjectId.yaml');
    expect(result.stderr).toContain('spec/components/schemas/customers/ObjectId.yaml');
    expect(await snapshot(generated)).toEqual(before);
  });

  it('fails naming the file and line when a spec file is not valid YAML, and leaves generated/ untouched', async () => {
    const generated = path.join(ws.dir, 'generated');
    const before = await snapshot(generated);
    await change('spec/components/schemas/account/AccountLogo.yaml', 'type: object\n  required: [url\n');
    const result = await ws.script('generate');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('AccountLogo.yaml');
    expect(await snapshot(generated)).toEqual(before);
  });
});
