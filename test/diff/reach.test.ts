// The reach of a change inside a shared component: the report names every operation (method, path,
// where in it) and webhook that reaches the component, once under the change, in Markdown and JSON.
// Runs the real `redocly diff` on copies of the real bundle with one change each.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSpecs, renderReport, type Change } from '../../scripts/lib/diff.ts';
import { GENERATED_DIR } from '../../scripts/lib/paths.ts';
import { copyWorkspace, type Workspace } from '../support/workspace.ts';
import { makeTempDir, removeTempDir } from '../../scripts/lib/temp.ts';

type Spec = Record<string, any>;
const BUNDLE = path.join(GENERATED_DIR, 'openapi.json');
let dir: string;
let bundle: Spec;

beforeAll(async () => {
  dir = await makeTempDir('reach');
  bundle = JSON.parse(await readFile(BUNDLE, 'utf8')) as Spec;
});
afterAll(() => removeTempDir(dir));

async function revise(name: string, change: (spec: Spec) => void): Promise<string> {
  const revision = structuredClone(bundle);
  change(revision);
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(revision));
  return file;
}

const schema = (s: Spec, name: string) => s.components.schemas[name];
const places = (change: Change) => change.reach?.map((p) => `${p.operation}: ${p.in}`).sort();

// Customer.phone is reached from five places: the list, the get and the update, and two webhooks.
const CUSTOMER_PLACES = [
  'GET /v1/customers/{customerId}: response 200',
  'GET /v1/customers: response 200',
  'PATCH /v1/customers/{customerId}: response 200',
  'webhook customer.created: payload',
  'webhook customer.updated: payload',
];

// One revision holding five independent changes, diffed once (each run of `redocly diff` on the
// real bundle takes seconds): every change must come out on its own, with its own reach.
const CHANGES: Array<(s: Spec) => void> = [
  (s) => delete schema(s, 'Customer').properties.phone,
  // Only the type changes (the description stays), so the change found is the retyping itself.
  (s) => {
    const property = schema(s, 'TicketCheckIn').properties.checkedInAt;
    property.type = 'integer';
    delete property.format;
  },
  (s) => {
    const input = schema(s, 'CreatePageSettingsInput');
    input.required = [...(input.required ?? []), 'fields'];
  },
  (s) => (s.components.parameters.TestmodeFilter.schema.enum = ['true']),
  (s) => (s.paths['/v1/account'].get.summary = 'Get the account'),
];

describe('reach of a change in a shared component', () => {
  let changes: Change[];
  beforeAll(async () => {
    const file = await revise('five-changes', (s) => CHANGES.forEach((change) => change(s)));
    changes = await diffSpecs(BUNDLE, file);
  });
  const at = (component: string) => changes.filter((c) => c.definedAt?.startsWith(component));

  it('finds each change on its own', () => {
    expect(changes.length).toBeGreaterThanOrEqual(CHANGES.length);
    const breakingIn = new Set(changes.filter((c) => c.impact === 'major').map((c) => c.definedAt?.split('/').slice(0, 4).join('/')));
    expect([...breakingIn].sort()).toEqual([
      '#/components/parameters/TestmodeFilter',
      '#/components/schemas/CreatePageSettingsInput',
      '#/components/schemas/Customer',
      '#/components/schemas/TicketCheckIn',
    ]);
  });

  it('a removed property names all five places that return or send Customer, under one change', () => {
    const customer = at('#/components/schemas/Customer/');
    expect(customer).toHaveLength(1);
    const [change] = customer as [Change];
    expect(change).toMatchObject({ impact: 'major', kind: 'removed', definedAt: '#/components/schemas/Customer/properties/phone' });
    expect(places(change)).toEqual(CUSTOMER_PLACES);
    const report = renderReport(changes, { base: 'a', revision: 'b' });
    // One row for the change, every place inside it.
    expect(report.match(/Property `phone` of `Customer` was removed/g)).toHaveLength(1);
    for (const place of CUSTOMER_PLACES) expect(report).toContain(place);
    expect(report).toContain('`Customer` (shared), reached from 5 place(s)');
  });

  it('a retyped property of a nested component names the operations and the webhook that reach it', () => {
    const change = at('#/components/schemas/TicketCheckIn/properties/checkedInAt')[0];
    expect(change?.impact).toBe('major');
    expect(places(change!)).toEqual(['GET /v1/tickets: response 200', 'PATCH /v1/tickets/{ticketId}: response 200', 'webhook ticket.created: payload']);
  });

  it('a newly required request property names every request body that takes it', () => {
    const breaking = at('#/components/schemas/CreatePageSettingsInput').filter((c) => c.impact === 'major');
    expect(breaking).toHaveLength(1);
    expect(places(breaking[0]!)).toEqual(['POST /v1/checkout-pages: request body', 'POST /v1/events: request body', 'POST /v1/forms: request body']);
  });

  it('a narrowed shared parameter names every operation with its place', () => {
    const [change] = at('#/components/parameters/TestmodeFilter');
    expect(places(change!)).toEqual([
      'GET /v1/checkout-pages: parameter testmode (query)',
      'GET /v1/events: parameter testmode (query)',
      'GET /v1/forms: parameter testmode (query)',
    ]);
  });

  it('a change inside one operation has no reach list: its place is the operation', () => {
    const account = changes.filter((c) => c.where === 'GET /v1/account');
    expect(account.map((c) => [c.where, c.pointer, c.reach])).toEqual([['GET /v1/account', '#/summary', undefined]]);
  });
});

describe('npm run diff -- --format json', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await copyWorkspace();
  });
  afterAll(() => ws.remove());

  it('prints the changes with their reach as JSON, and still exits 1 on a breaking change', async () => {
    const file = await revise('json-no-phone', (s) => delete schema(s, 'Customer').properties.phone);
    const result = await ws.script('diff', ['generated/openapi.json', file, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 breaking change(s)');
    const report = JSON.parse(result.stdout) as { changes: Change[] };
    expect(report.changes).toHaveLength(1);
    expect(places(report.changes[0]!)).toEqual(CUSTOMER_PLACES);
  });
});
