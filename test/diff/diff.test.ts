// The breaking-change report: fixture pairs for each class of change, and the command end to end
// on a real git history (a throwaway repository holding a copy of the project).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffSpecs, type Change } from '../../scripts/lib/diff.ts';
import { run } from '../../scripts/lib/run.ts';
import { copyWorkspace, type Workspace } from '../support/workspace.ts';

type Spec = Record<string, any>;
let dir: string;
let base: Spec;
let baseFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cp-diff-fixtures-'));
  base = parse(await readFile(new URL('../fixtures/lint/good.yaml', import.meta.url), 'utf8')) as Spec;
  baseFile = path.join(dir, 'base.json');
  await writeFile(baseFile, JSON.stringify(base));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function changesAfter(name: string, change: (spec: Spec) => void): Promise<Change[]> {
  const revision = structuredClone(base);
  change(revision);
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(revision));
  return diffSpecs(baseFile, file);
}

const widget = (s: Spec) => s.components.schemas.Widget;

const cases: Array<{ name: string; impact: Change['impact']; where: string; change: (s: Spec) => void }> = [
  // Breaking for callers or readers.
  { name: 'removed operation', impact: 'major', where: 'GET /v1/widgets/{widgetId}/parts', change: (s) => delete s.paths['/v1/widgets/{widgetId}/parts'].get },
  { name: 'removed response field', impact: 'major', where: 'GET /v1/widgets', change: (s) => delete widget(s).properties.price },
  { name: 'newly required request field', impact: 'major', where: 'POST /v1/widgets', change: (s) => (s.components.schemas.CreateWidgetRequest.required = ['price']) },
  { name: 'narrowed enum', impact: 'major', where: 'GET /v1/widgets', change: (s) => (s.components.parameters.Limit.schema.enum = [20, 50]) },
  { name: 'changed type', impact: 'major', where: 'GET /v1/widgets', change: (s) => (widget(s).properties.orderId.type = 'integer') },
  { name: 'removed webhook field', impact: 'major', where: 'webhook widget.created', change: (s) => delete s.components.schemas.WebhookEnvelope.properties.event },
  // Not breaking.
  { name: 'added optional request field', impact: 'minor', where: 'POST /v1/widgets', change: (s) => (s.components.schemas.CreateWidgetRequest.properties.color = { type: 'string' }) },
  { name: 'added response field', impact: 'minor', where: 'GET /v1/widgets', change: (s) => (widget(s).properties.color = { type: 'string' }) },
  { name: 'added operation', impact: 'minor', where: 'DELETE /v1/widgets/{widgetId}', change: (s) => (s.paths['/v1/widgets/{widgetId}'].delete = { ...s.paths['/v1/widgets/{widgetId}'].get, operationId: 'deleteWidget' }) },
  { name: 'description change', impact: 'patch', where: 'GET /v1/widgets', change: (s) => (s.paths['/v1/widgets'].get.description = 'Lists every widget, newest first.') },
];

describe('change classification', () => {
  it.each(cases)('$name is $impact at $where', async ({ name, impact, where, change }) => {
    const changes = await changesAfter(name.replace(/\W+/g, '-'), change);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.map((c) => c.impact)).toContain(impact);
    // The most severe change decides the class of the whole pair.
    const worst = changes.some((c) => c.impact === 'major') ? 'major' : changes.some((c) => c.impact === 'minor') ? 'minor' : 'patch';
    expect(worst).toBe(impact);
    expect(changes.filter((c) => c.impact === impact).map((c) => c.where)).toContain(where);
  });

  it('finds nothing between a spec and itself', async () => {
    expect(await changesAfter('same', () => undefined)).toEqual([]);
  });
});

/** Adds code samples to every operation and webhook, as generate does for the published bundle. */
function decorate(spec: Spec, source: string): void {
  for (const section of ['paths', 'webhooks']) {
    for (const item of Object.values(spec[section] ?? {}) as Spec[]) {
      for (const [method, operation] of Object.entries(item)) {
        if (method !== 'parameters') operation['x-codeSamples'] = [{ lang: 'Shell', label: 'curl', source }];
      }
    }
  }
}

describe('docs decorations', () => {
  it('are not changes: code samples added on one side only, or differing, are left out', async () => {
    expect(await changesAfter('with-samples', (s) => decorate(s, 'curl https://api.widgets.test/v1/widgets'))).toEqual([]);
    const decoratedBase = path.join(dir, 'decorated-base.json');
    const decorated = structuredClone(base);
    decorate(decorated, 'curl -X GET https://api.widgets.test/v1/widgets');
    await writeFile(decoratedBase, JSON.stringify(decorated));
    const other = path.join(dir, 'decorated-other.json');
    decorate(decorated, 'a different sample');
    await writeFile(other, JSON.stringify(decorated));
    expect(await diffSpecs(decoratedBase, other)).toEqual([]);
    expect(await diffSpecs(decoratedBase, baseFile)).toEqual([]);
  });

  it('do not hide a real change made beside them', async () => {
    const changes = await changesAfter('samples-and-description', (s) => {
      decorate(s, 'curl https://api.widgets.test/v1/widgets');
      s.paths['/v1/widgets'].get.description = 'Lists every widget, newest first.';
    });
    expect(changes.map((c) => [c.impact, c.where, c.pointer])).toEqual([['patch', 'GET /v1/widgets', '#/description']]);
  });
});

describe('npm run diff on a git history', () => {
  let ws: Workspace;
  const git = (...args: string[]) => run('git', args, { cwd: ws.dir });

  beforeAll(async () => {
    ws = await copyWorkspace();
    await git('init', '-q', '-b', 'main');
    await git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A', '--', '.', ':!node_modules');
    await git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'base');
  });
  afterAll(() => ws.remove());

  it('prints "no changes" and exits 0 when the working tree matches HEAD', async () => {
    const result = await ws.script('diff', ['HEAD']);
    expect(result.stdout).toContain('There are no changes');
    expect(result.code).toBe(0);
  });

  it('prints "no changes" and exits 0 against the published bundle (with its code samples) of an unchanged tree', async () => {
    for (const published of ['generated/openapi.json', 'generated/openapi.yaml']) {
      const result = await ws.script('diff', [published]);
      expect(result.stdout, published).toContain('There are no changes');
      expect(result.stdout).not.toContain('x-codeSamples');
      expect(result.code).toBe(0);
    }
  });

  it('shows a real change against the published bundle, in its class', async () => {
    const file = path.join(ws.dir, 'spec/paths/account.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('summary: Retrieve the account', 'summary: Get the account'));
    try {
      const result = await ws.script('diff', ['generated/openapi.json']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('**0 breaking**, 0 non-breaking, 1 docs-only.');
      expect(result.stdout).toMatch(/### Docs-only \(1\)[\s\S]*\| GET \/v1\/account \| modified `summary` \| `#\/summary` \|/);
    } finally {
      await writeFile(file, text);
    }
  });

  it('reports a removed response field as breaking and exits 1; --allow-breaking exits 0', async () => {
    const file = path.join(ws.dir, 'spec/components/schemas/customers/Customer.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/\n {2}taxIdType:\n(?: {4}.*\n)+/, '\n'));
    const result = await ws.script('diff', ['HEAD']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/### Breaking \(\d+\)/);
    expect(result.stdout).toContain('Property `taxIdType` of `Customer` was removed.');
    // Named once, with all five places that return or send a Customer.
    expect(result.stdout.match(/Property `taxIdType` of `Customer` was removed/g)).toHaveLength(1);
    expect(result.stdout).toContain(
      '`Customer` (shared), reached from 5 place(s):<br>GET /v1/customers: response 200<br>GET /v1/customers/{customerId}: response 200<br>PATCH /v1/customers/{customerId}: response 200<br>webhook customer.created: payload<br>webhook customer.updated: payload',
    );
    expect(result.stderr).toContain('breaking change(s)');
    const allowed = await ws.script('diff', ['HEAD', '--allow-breaking']);
    expect(allowed.code).toBe(0);
    await writeFile(file, text);
  });

  it('says which argument is wrong when BASE is neither a file nor a ref', async () => {
    const result = await ws.script('diff', ['no-such-ref']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"no-such-ref" is neither a bundled spec file nor a git ref.');
  });
});
