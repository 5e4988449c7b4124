// Guards that keep the sandbox in step with the spec as operations are added: every operation is
// simulated (by its kind, or by an action handler), actions and rules name real operations,
// every documented filter and search reads a field of the listed records, every record of the
// examples is seeded, and the client's entry does not pull the sandbox in.
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/sandbox/actions/index.ts';
import { RULES } from '../../src/sandbox/rules/index.ts';
import { Lists } from '../../src/sandbox/lists.ts';
import { ApiModel } from '../../src/sandbox/model.ts';
import { SchemaReader, type OpenApiDocument } from '../../src/sandbox/spec.ts';
import { Store } from '../../src/sandbox/store.ts';
import { seed } from '../../src/sandbox/seed/index.ts';
import { backticked, dateBound } from '../../src/sandbox/names.ts';
import { ROOT } from '../../scripts/lib/paths.ts';
import { bundle, operations } from '../support/bundle.ts';

const reader = new SchemaReader(bundle as unknown as OpenApiDocument);
const model = new ApiModel(reader, new Set(Object.keys(ACTIONS)));
const PAGING = new Set(['limit', 'starting_after', 'ending_before']);

describe('the sandbox covers the spec', () => {
  it('simulates every operation: by its kind, or with an action handler', () => {
    expect(model.routes.map((r) => r.operationId).sort()).toEqual(operations.map((o) => o.operationId).sort());
    const unhandled = model.routes.filter((r) => r.kind === 'action' && !ACTIONS[r.operationId]).map((r) => `${r.method} ${r.path} (${r.operationId})`);
    expect(unhandled).toEqual([]);
  });

  it('names only operations of the bundle in its actions and rules, so a renamed operation is noticed', () => {
    const known = new Set(operations.map((o) => o.operationId));
    expect([...Object.keys(ACTIONS), ...Object.keys(RULES)].filter((id) => !known.has(id))).toEqual([]);
    // A rule adds to a generic handler: it would never run on an action's route.
    expect(Object.keys(RULES).filter((id) => ACTIONS[id])).toEqual([]);
  });

  it('reads a field of the listed records for every documented filter', () => {
    const lists = new Lists(reader);
    const unread: string[] = [];
    for (const route of model.routes.filter((r) => r.kind === 'list')) {
      const items = reader.shape(reader.shape(reader.shape(reader.successResponse(route.operation).schema).properties.get('data')).items);
      for (const parameter of route.parameters.filter((p) => p.in === 'query' && !PAGING.has(p.name) && p.name !== 'search')) {
        const bound = dateBound(parameter.name);
        if (bound ? items.properties.has(bound.field) : lists.filterField(parameter, items)) continue;
        unread.push(`${route.operationId}: ${parameter.name}`);
      }
    }
    expect(unread).toEqual([]);
  });

  it('searches fields that each search description names in backticks', () => {
    const unnamed: string[] = [];
    for (const route of model.routes.filter((r) => r.kind === 'list')) {
      const search = route.parameters.find((p) => p.name === 'search');
      if (!search) continue;
      const items = reader.shape(reader.shape(reader.shape(reader.successResponse(route.operation).schema).properties.get('data')).items);
      const named = backticked(search.description).filter((word) => items.properties.has(word.split('.')[0]!));
      if (named.length === 0) unnamed.push(route.operationId);
    }
    expect(unnamed).toEqual([]);
  });

  it('seeds every record the answer examples show, with its id', () => {
    const store = new Store();
    seed(model, store);
    const missing: string[] = [];
    for (const route of model.routes) {
      if (!route.collection || !['list', 'get', 'create', 'update', 'delete'].includes(route.kind)) continue;
      for (const example of reader.successResponse(route.operation).examples) {
        const data = (example as { data?: unknown } | undefined)?.data;
        for (const record of Array.isArray(data) ? data : [data]) {
          const id = (record as { id?: unknown } | undefined)?.id;
          if (typeof id === 'string' && !store.get(route.collection.key, id)) missing.push(`${route.operationId}: ${id}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(store.singletons.size).toBeGreaterThan(0);
  });

  it('keeps the sandbox (and Ajv) out of the client entry', async () => {
    const result = await build({ entryPoints: [path.join(ROOT, 'src/index.ts')], bundle: true, write: false, metafile: true, format: 'esm', platform: 'neutral' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => input.includes('src/sandbox/') || input.includes('node_modules/ajv'))).toEqual([]);
  });
});
