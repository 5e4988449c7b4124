// Each house rule, shown firing on a small spec that breaks it, with the message a contributor will see.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runSpectral, type SpectralFinding } from '../../scripts/lib/spectral.ts';

type Spec = Record<string, any>;

interface Breakage {
  name: string;
  rule: string;
  message: RegExp;
  where: string; // JSON path of the finding, dot-joined
  breakIt: (spec: Spec) => void;
}

const breakages: Breakage[] = [
  {
    name: 'snake_case operationId',
    rule: 'cp-operation-id',
    message: /operationId "list_widgets" must be camelCase with a leading verb/,
    where: 'paths./v1/widgets.get.operationId',
    breakIt: (s) => (s.paths['/v1/widgets'].get.operationId = 'list_widgets'),
  },
  {
    name: 'operationId without a leading verb',
    rule: 'cp-operation-id',
    message: /operationId "widgetsList" starts with "widgets", which does not fit GET; use one of: list, get/,
    where: 'paths./v1/widgets.get.operationId',
    breakIt: (s) => (s.paths['/v1/widgets'].get.operationId = 'widgetsList'),
  },
  {
    name: 'a verb that does not fit the method',
    rule: 'cp-operation-id',
    message: /operationId "createWidget" starts with "create", which does not fit GET/,
    where: 'paths./v1/widgets/{widgetId}.get.operationId',
    breakIt: (s) => (s.paths['/v1/widgets/{widgetId}'].get.operationId = 'createWidget'),
  },
  {
    name: 'an inline 4xx response without the error body',
    rule: 'cp-error-response-body',
    message: /Error response 404 must have an application\/json body whose schema is \$ref: #\/components\/schemas\/ApiError/,
    where: 'paths./v1/widgets/{widgetId}.get.responses.404',
    breakIt: (s) => (s.paths['/v1/widgets/{widgetId}'].get.responses['404'] = { description: 'Not found.' }),
  },
  {
    name: 'a shared error response with another body',
    rule: 'cp-error-response-body',
    message: /Error response BadRequest must have an application\/json body/,
    where: 'components.responses.BadRequest',
    breakIt: (s) => (s.components.responses.BadRequest.content['application/json'].schema = { type: 'string' }),
  },
  {
    name: 'a paginated list without the shared limit parameter',
    rule: 'cp-list-pagination',
    message: /Paginated list must use the shared `limit` parameter/,
    where: 'paths./v1/widgets.get.parameters',
    breakIt: (s) =>
      (s.paths['/v1/widgets'].get.parameters = s.paths['/v1/widgets'].get.parameters.filter(
        (p: { $ref: string }) => p.$ref !== '#/components/parameters/Limit',
      )),
  },
  {
    name: 'a paginated list with its own cursor parameter',
    rule: 'cp-list-pagination',
    message: /Paginated list must use the shared `starting_after` parameter/,
    where: 'paths./v1/widgets.get.parameters',
    breakIt: (s) =>
      (s.paths['/v1/widgets'].get.parameters[1] = {
        name: 'starting_after',
        in: 'query',
        description: 'Cursor.',
        schema: { type: 'string' },
      }),
  },
];

let dir: string;
let good: Spec;
const findings = new Map<string, SpectralFinding[]>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cp-rules-'));
  const text = await readFile(new URL('../fixtures/lint/good.yaml', import.meta.url), 'utf8');
  good = parse(text) as Spec;
  const files = [path.join(dir, 'good.json')];
  await writeFile(files[0]!, JSON.stringify(good));
  for (const [i, b] of breakages.entries()) {
    const spec = structuredClone(good);
    b.breakIt(spec);
    files.push(path.join(dir, `bad-${i}.json`));
    await writeFile(files.at(-1)!, JSON.stringify(spec));
  }
  // One Spectral run for all fixtures: starting it is the slow part.
  for (const finding of await runSpectral(files)) {
    const key = path.basename(finding.source);
    findings.set(key, [...(findings.get(key) ?? []), finding]);
  }
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('house lint rules', () => {
  it('stay quiet on a spec that follows the conventions', () => {
    expect(findings.get('good.json') ?? []).toEqual([]);
  });

  it.each(breakages.map((b, i) => [b.name, i] as const))('fire on %s', (_name, i) => {
    const b = breakages[i]!;
    const found = (findings.get(`bad-${i}.json`) ?? []).filter((f) => f.code === b.rule);
    expect(found, `expected ${b.rule} to fire`).toHaveLength(1);
    expect(found[0]!.message).toMatch(b.message);
    expect(found[0]!.path.join('.')).toBe(b.where);
    expect(found[0]!.severity).toBe(0);
  });
});
