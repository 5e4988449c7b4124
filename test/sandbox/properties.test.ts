// Property-based checks (fast-check) of the one rule for request bodies: the sandbox refuses
// exactly what the operation's request schema refuses, with the documented 400 and no change; what
// it accepts gets a documented answer matching its schema; and what the API sets itself never comes
// from the body. Bodies are generated from the request schemas (valid values for their fields) and
// mutated (wrong types, unknown and server-managed properties, removed required fields).
// Also: every create answer carries what the API sets itself, as the resource's named examples show.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { bundle } from '../support/bundle.ts';
import { answerProblem, call, declared, fillPath, jsonHeaders, operations, ownListPath, schemaAccepts, type Op } from './hostile-support.ts';

const resolve = (node: any): any => {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref.slice(2).split('/').reduce((value: any, key: string) => value?.[key], bundle);
  }
  return current;
};

/** Valid values for the simple fields of a schema (enums, booleans, bounded numbers, plain strings); undefined for the rest. */
function valid(schema: any): fc.Arbitrary<unknown> | undefined {
  const s = resolve(schema);
  if (!s || typeof s !== 'object') return undefined;
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  const branches = [...(s.oneOf ?? []), ...(s.anyOf ?? [])].map(valid).filter((a): a is fc.Arbitrary<unknown> => !!a);
  if (branches.length) return fc.oneof(...branches);
  if (s.allOf?.length === 1) return valid(s.allOf[0]);
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const options: fc.Arbitrary<unknown>[] = [];
  if (types.includes('null')) options.push(fc.constant(null));
  if (types.includes('boolean')) options.push(fc.boolean());
  if (types.includes('integer')) {
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
    options.push(fc.integer({ min, max: s.maximum ?? min + 100_000 }));
  } else if (types.includes('number')) {
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 0.01 : -1000);
    options.push(fc.double({ min, max: s.maximum ?? min + 100_000, noNaN: true, noDefaultInfinity: true }));
  }
  if (types.includes('string') && !s.pattern && !s.format) {
    options.push(fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) }).filter((t) => t.length >= (s.minLength ?? 0)));
  }
  return options.length ? fc.oneof(...options) : undefined;
}

/** Values no property's type would take by chance, so an echo of them in an answer is visible. */
const planted = fc.oneof(fc.constant('fc-planted'), fc.constant(-424242), fc.constant({ fc: 'planted' }));
const MANAGED = ['id', 'createdAt', 'updatedAt', 'sellerId', 'status', 'deleted', 'timesRedeemed', 'deliveryCount', 'apiVersion', 'scope', 'stripeCouponId', 'livemode', 'zzUnknown'];

type Mutation = { kind: 'set'; name: string; value: unknown } | { kind: 'drop'; name: string } | { kind: 'plant'; name: string; value: unknown };

function mutations(op: Op): fc.Arbitrary<Mutation[]> {
  const props = [...declared(op.json!.schema)];
  const sets = props
    .map(([name, schema]) => ({ name, arb: valid(schema) }))
    .filter((p): p is { name: string; arb: fc.Arbitrary<unknown> } => !!p.arb)
    .map(({ name, arb }) => arb.map((value): Mutation => ({ kind: 'set', name, value })));
  const wrong = props.length ? [fc.tuple(fc.constantFrom(...props.map(([n]) => n)), fc.jsonValue({ maxDepth: 2 })).map(([name, value]): Mutation => ({ kind: 'set', name, value }))] : [];
  const drops = props.length ? [fc.constantFrom(...props.map(([n]) => n)).map((name): Mutation => ({ kind: 'drop', name }))] : [];
  const plants = [fc.tuple(fc.constantFrom(...MANAGED), planted).map(([name, value]): Mutation => ({ kind: 'plant', name, value }))];
  // Half the runs keep the body valid (generated values and planted server-managed ones only).
  return fc.oneof(
    fc.array(fc.oneof(...sets, ...plants), { minLength: 1, maxLength: 4 }),
    fc.array(fc.oneof(...sets, ...wrong, ...drops, ...plants), { minLength: 1, maxLength: 4 }),
  );
}

function apply(base: Record<string, unknown>, list: Mutation[]): Record<string, unknown> {
  const body = structuredClone(base);
  for (const m of list) {
    if (m.kind === 'drop') delete body[m.name];
    else body[m.name] = m.value;
  }
  return body;
}

/** A request example whose unique values (a code, slug, name or URL the seed already has) are made new. */
function fresh(example: Record<string, unknown>): Record<string, any> {
  const body: Record<string, any> = structuredClone(example);
  for (const key of ['code', 'slug']) if (typeof body[key] === 'string') body[key] = `${body[key]}-new`;
  if (typeof body.name === 'string') body.name = `${body.name} new`;
  if (typeof body.url === 'string') body.url += '/new';
  return body;
}

const sampled = operations.filter((op) => op.json && op.method !== 'DELETE' && /^(create|update)/.test(op.operationId));

describe('generated and mutated bodies (fast-check)', () => {
  it('samples create and update operations of every family that takes JSON', () => {
    expect(sampled.length).toBeGreaterThanOrEqual(25);
  });

  it.each(sampled.map((op) => [op.operationId, op] as const))('%s refuses exactly what its schema refuses, and never takes what the API sets', async (_, op) => {
    const base = fresh((op.json!.examples[0] ?? {}) as Record<string, unknown>);
    await fc.assert(
      fc.asyncProperty(mutations(op), async (list) => {
        // A fresh store per run, so each run starts from the same state; the examples' seed is the
        // cheapest one that holds every record the paths need.
        const sandbox: Sandbox = createSandbox({ seed: 'examples' });
        const path = (await fillPath(sandbox, op.template))!;
        const own = ownListPath(op, path);
        const before = own ? (await call(sandbox, 'GET', own)).text : '';
        const body = apply(base, list);
        const answer = await call(sandbox, op.method, path, { body: JSON.stringify(body), headers: jsonHeaders });
        expect(answerProblem(op, answer)).toBeUndefined();
        const declaredNames = declared(op.json!.schema);
        // Loopback http URLs are the sandbox's one documented relaxation: judge them as https.
        const judged = JSON.parse(JSON.stringify(body).replace(/"http:\/\/(localhost|127\.0\.0\.1)/g, '"https://$1'));
        if (!schemaAccepts(op.json!.schema, judged)) {
          expect(answer.status, JSON.stringify(answer.json)).toBe(400);
          if (own) expect((await call(sandbox, 'GET', own)).text).toBe(before);
          return;
        }
        // Accepted by the schema: a success, or a documented refusal for the state (taken, not found...).
        expect(answer.status === 400 ? answer.json?.errors : 'not 400').toBe('not 400');
        if (answer.status >= 300) return;
        const record = answer.json?.data ?? answer.json;
        for (const m of list) {
          if (m.kind === 'plant' && !declaredNames.has(m.name) && record && typeof record === 'object') {
            expect(record[m.name], `${m.name} came from the body`).not.toEqual(m.value);
          }
        }
      }),
      { numRuns: 40, seed: 18 },
    );
  });
});

describe('what the API sets itself', () => {
  // Every property a create answer's named examples show, unless the request's own fields decide
  // it: a field the caller may send, left out, that has no value for "not set" (no null, default,
  // false or empty list) stays out (a coupon without `maxRedemptions` has no limit).
  const creates = operations.filter((op) => op.method === 'POST' && op.operation.responses['201'] && op.json);

  it.each(creates.map((op) => [op.operationId, op] as const))('%s answers every property its examples show', async (_, op) => {
    const sandbox = createSandbox();
    const path = (await fillPath(sandbox, op.template))!;
    const response = resolve(op.operation.responses['201']).content['application/json'];
    const shown = Object.values<any>(response.examples ?? {}).map((e) => resolve(e).value.data as Record<string, unknown>);
    expect(shown.length).toBeGreaterThan(0);
    const recordSchema = resolve(resolve(response.schema).properties?.data ?? response.schema);
    const requestProps = declared(op.json!.schema);
    for (const example of op.json!.examples) {
      const body = fresh(example);
      const answer = await call(sandbox, 'POST', path, { body: JSON.stringify(body), headers: jsonHeaders });
      expect(answer.status, answer.text.slice(0, 300)).toBe(201);
      expect(answerProblem(op, answer)).toBeUndefined();
      const record = answer.json.data;
      const missing = [...new Set(shown.flatMap((e) => Object.keys(e)))].filter((name) => {
        if (name in record) return false;
        const field = resolve(declared(recordSchema).get(name));
        const types: string[] = Array.isArray(field?.type) ? field.type : field?.type ? [field.type] : [];
        const hasEmpty = types.includes('null') || types.includes('boolean') || types.includes('array') || field?.default !== undefined || field?.oneOf?.some((b: any) => resolve(b)?.type === 'null');
        return !(requestProps.has(name) && !(name in body) && !hasEmpty);
      });
      expect(missing, `${op.operationId} lacks what its examples show`).toEqual([]);
      // Linked Stripe ids are made by the API, in the examples' form.
      for (const name of Object.keys(record).filter((n) => /^stripe\w*Id$/.test(n))) {
        const sample = shown.map((e) => e[name]).find((v) => typeof v === 'string') as string | undefined;
        expect(typeof record[name]).toBe('string');
        if (sample?.includes('_')) expect(record[name].split('_')[0]).toBe(sample.split('_')[0]);
      }
      if ('createdAt' in record) expect(record.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    }
  });
});
