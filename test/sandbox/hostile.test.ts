// Hostile input against every operation of the bundle (86, across every resource family): bodies of
// the wrong shape, types and size, hostile keys and numbers, deep nesting, every content type, odd
// ids, huge URLs and headers, bad keys. For each case the test asserts the status, that the answer
// is documented and matches its schema (the API's error body: never a stack), and that nothing
// changed: the operation's own list before and after each case, and the whole store around each
// operation's cases.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import {
  answerProblem,
  call,
  declared,
  fillPath,
  jsonHeaders,
  operations,
  ownListPath,
  parameterNames,
  schemaAccepts,
  snapshot,
  type Op,
} from './hostile-support.ts';

interface Case {
  name: string;
  /** The path to call (default: the operation's, filled). */
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  key?: string | null;
  /** The statuses that are right for this case. */
  expect: number[];
  /** A field the error must name, when it names one. */
  names?: string[];
}

const WRONG_VALUES: unknown[] = [{ wrong: [1] }, [[1]], 12345.5, 'text', true];
const CONTENT_TYPES = ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', 'text/json'];

function bodyCases(op: Op): Case[] {
  const json = op.json!;
  const base = json.examples[0] ?? {};
  const valid = JSON.stringify(base);
  const props = [...declared(json.schema)];
  const first = props[0]?.[0] ?? 'label';
  const cases: Case[] = [
    { name: 'malformed JSON', body: '{"label": ', expect: [400] },
    { name: 'an array instead of an object', body: '[1, 2, 3]', expect: [400] },
    { name: 'a string instead of an object', body: '"text"', expect: [400] },
    { name: 'null', body: 'null', expect: [400] },
    { name: '__proto__ at the top', body: `{"__proto__": {"default": "yes", "status": "x"}, ${valid.slice(1)}`.replace(', }', '}'), expect: [400], names: ['__proto__'] },
    { name: 'constructor.prototype nested', body: JSON.stringify({ ...base, [first]: { constructor: { prototype: { polluted: true } } } }), expect: [400] },
    { name: 'a number too large to be finite', body: `{"${first}": 1e400}`, expect: [400] },
    { name: 'a negative infinite number', body: JSON.stringify({ ...base, [first]: 0 }).replace(`"${first}":0`, `"${first}":-1e999`), expect: [400] },
    { name: '10 000 levels of nesting', body: '['.repeat(10_000) + ']'.repeat(10_000), expect: [400] },
    { name: '10 000 levels of objects', body: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), expect: [400] },
    { name: 'an array of 5 000 items', body: JSON.stringify({ ...base, [first]: Array.from({ length: 5000 }, () => 0) }), expect: [400] },
    { name: 'an object of 5 000 fields', body: JSON.stringify({ ...base, [first]: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])) }), expect: [400] },
    { name: 'a 2 MB body', body: JSON.stringify({ ...base, [first]: 'a'.repeat(2 * 1024 * 1024) }), expect: [413] },
    { name: 'a 1.1 MB body of small objects', body: JSON.stringify({ ...base, [first]: Array.from({ length: 150_000 }, () => ({ a: 1 })) }), expect: [413] },
    ...CONTENT_TYPES.map((type) => ({ name: `a JSON body sent as ${type}`, body: valid, headers: { 'content-type': type }, expect: [415] })),
    { name: 'a JSON body without a content type', body: valid, headers: { 'content-type': '' }, expect: [415] },
  ];
  if (json.required) cases.push({ name: 'no body', body: '', expect: [400] });
  // Unknown and server-managed properties: refused where the schema is closed (accepted and
  // ignored where it is open: properties.test.ts and hostile-defects.test.ts check that).
  const managed = { ...base, id: '6812fe6e9f39b6760576f0aa', createdAt: '2020-01-01T00:00:00.000Z', sellerId: '6812fe6e9f39b6760576f0ab', zzUnknown: 1 };
  if (!schemaAccepts(json.schema, managed)) cases.push({ name: 'unknown and server-managed properties', body: JSON.stringify(managed), expect: [400] });
  // Every declared property with a value of a type it does not take.
  for (const [name, schema] of props.slice(0, 30)) {
    const wrong = WRONG_VALUES.find((value) => !schemaAccepts(schema, value));
    if (wrong === undefined) continue;
    const body = { ...base, [name]: wrong };
    if (schemaAccepts(json.schema, body)) continue;
    cases.push({ name: `${name} of the wrong type`, body: JSON.stringify(body), expect: [400] });
  }
  return cases;
}

function commonCases(op: Op, path: string): Case[] {
  const cases: Case[] = [
    { name: 'no API key', key: null, expect: [401] },
    { name: 'a malformed Authorization header', key: null, headers: { authorization: 'Bearer' }, expect: [401] },
    { name: 'a 100 KB query string', path: `${path}?search=${'a'.repeat(100_000)}`, expect: [414] },
    { name: '40 KB of headers', headers: { 'x-padding': 'a'.repeat(40_000) }, expect: [431] },
  ];
  const params = op.template.match(/\{[^}]+\}/g) ?? [];
  if (params.length) {
    const parent = path.split('/').slice(0, -1).join('/');
    for (const odd of ['zz', '%2E%2E%2F%2E%2E%2Faccount', '%00', 'a'.repeat(300), '6812fe6e9f39b6760576ffff', '%F0%9F%92%A5', '__proto__', 'constructor']) {
      cases.push({ name: `the id ${decodeURIComponent(odd).slice(0, 20)}`, path: `${parent}/${odd}${op.template.endsWith('}') ? '' : `/${op.template.split('/').at(-1)}`}`, expect: [400, 404] });
    }
  }
  const names = new Set(parameterNames(op));
  const queries = ['limit=0', 'limit=101', 'limit=abc', 'limit=1e400', 'limit=-1', 'starting_after=zzz', 'ending_before=6812fe6e9f39b6760576ffff', 'createdAfter=not-a-date', 'createdBefore=1e400'];
  for (const query of queries.filter((q) => names.has(q.split('=')[0]!))) cases.push({ name: `the query ${query}`, path: `${path}?${query}`, expect: [400] });
  return cases;
}

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox();
});

describe('hostile input: each operation refuses with its documented error and changes nothing', () => {
  it('covers at least 30 operations with a JSON body and every operation of the bundle', () => {
    expect(operations.length).toBeGreaterThanOrEqual(80);
    expect(operations.filter((op) => op.json).length).toBeGreaterThanOrEqual(30);
  });

  it.each(operations.map((op) => [`${op.method} ${op.template}`, op] as const))('%s', async (_, op) => {
    const path = await fillPath(sandbox, op.template);
    expect(path, 'its path parameters are filled from the seed').toBeDefined();
    const own = ownListPath(op, path!);
    const before = await snapshot(sandbox, own ? [own] : []);
    const ownBefore = own ? (await call(sandbox, 'GET', own)).text : '';
    const cases = [...commonCases(op, path!), ...(op.json ? bodyCases(op) : [])];
    const problems: string[] = [];
    for (const c of cases) {
      const headers = c.body !== undefined ? { ...jsonHeaders, ...c.headers } : c.headers;
      if (headers?.['content-type'] === '') delete headers['content-type'];
      const answer = await call(sandbox, op.method, c.path ?? path!, { body: c.body, headers, key: c.key });
      const label = `${c.name}: ${answer.status} ${answer.text.slice(0, 160)}`;
      if (!c.expect.includes(answer.status)) problems.push(`${label} (expected ${c.expect.join(' or ')})`);
      const wrong = answerProblem(op, answer);
      if (wrong) problems.push(`${c.name}: ${wrong}`);
      if (c.names && !answer.json?.errors?.some((e: any) => c.names!.includes(e.param))) problems.push(`${label} (the error should name ${c.names.join(' or ')})`);
      if (own && (await call(sandbox, 'GET', own)).text !== ownBefore) problems.push(`${c.name}: changed ${own}`);
    }
    expect(problems).toEqual([]);
    expect(await snapshot(sandbox, own ? [own] : []), 'the whole store is unchanged').toBe(before);
  });
});
