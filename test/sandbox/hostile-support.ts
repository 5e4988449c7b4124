// What the hostile-input and property-based suites share: the operations of the bundle with their
// path parameters filled from the seeded store, a snapshot of the state a request may touch, and
// the check that an answer is one the operation documents (or one of the sandbox's transport
// limits, which answer the API's error body).
import type { Sandbox } from '../../src/sandbox/index.ts';
import { bundle } from '../support/bundle.ts';
import { assertMatches, responseSchemaPointer, validates } from '../support/schema.ts';

export const KEY = 'sk_test_hostile';
const HOST = 'https://api.checkoutpage.com';

/** Statuses any operation may answer for what is wrong with the HTTP message itself. */
export const TRANSPORT = new Set([413, 414, 415, 431]);

export interface Op {
  method: string;
  template: string;
  operationId: string;
  operation: any;
  /** The JSON request body's schema and named examples, when the operation takes JSON. */
  json?: { schema: any; required: boolean; examples: any[] };
}

const resolve = (node: any): any => {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((value: any, key: string) => value?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], bundle);
  }
  return current;
};

export const operations: Op[] = Object.entries(bundle.paths).flatMap(([template, item]) =>
  ['get', 'post', 'patch', 'put', 'delete']
    .filter((method) => (item as any)[method])
    .map((method) => {
      const operation = (item as any)[method];
      const body = resolve(operation.requestBody);
      const media = body?.content?.['application/json'];
      const op: Op = { method: method.toUpperCase(), template, operationId: operation.operationId, operation };
      if (media) op.json = { schema: media.schema, required: !!body.required, examples: Object.values<any>(media.examples ?? {}).map((e) => resolve(e).value) };
      return op;
    }),
);

/** The properties a request schema declares (through $ref, allOf, oneOf, anyOf). */
export function declared(schema: any, seen = new Set<any>()): Map<string, any> {
  const out = new Map<string, any>();
  const node = resolve(schema);
  if (!node || typeof node !== 'object' || seen.has(node)) return out;
  seen.add(node);
  for (const [name, prop] of Object.entries<any>(node.properties ?? {})) if (!out.has(name)) out.set(name, prop);
  for (const member of [...(node.allOf ?? []), ...(node.oneOf ?? []), ...(node.anyOf ?? [])]) {
    for (const [name, prop] of declared(member, seen)) if (!out.has(name)) out.set(name, prop);
  }
  return out;
}

/** The names of an operation's parameters (path-level ones included). */
export function parameterNames(op: Op): string[] {
  const shared = (bundle.paths as any)[op.template].parameters ?? [];
  return [...shared, ...(op.operation.parameters ?? [])].map((p: any) => resolve(p)?.name);
}

export const schemaAccepts = (schema: any, value: unknown) => validates(schema, value);

/** A sandbox call as a user's code makes it: full control over method, headers and raw body. */
export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string>; key?: string | null } = {},
): Promise<{ status: number; text: string; json: any; headers: Headers }> {
  const headers: Record<string, string> = { ...(options.key === null ? {} : { authorization: `Bearer ${options.key ?? KEY}` }), ...options.headers };
  const response = await sandbox.fetch(`${HOST}${path}`, { method, headers, body: options.body });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, headers: response.headers };
}

export const jsonHeaders = { 'content-type': 'application/json' };

/** The template with its parameters filled from the seeded store: the first record of each list on the way. */
export async function fillPath(sandbox: Sandbox, template: string): Promise<string | undefined> {
  let path = '';
  for (const segment of template.split('/').slice(1)) {
    if (!segment.startsWith('{')) {
      path += `/${segment}`;
      continue;
    }
    if (segment === '{checkInCode}') {
      const tickets = await call(sandbox, 'GET', '/v1/tickets?limit=1');
      const code = tickets.json?.data?.[0]?.checkInCode;
      if (typeof code !== 'string') return undefined;
      path = `${path}/${encodeURIComponent(code)}`;
      continue;
    }
    const list = await call(sandbox, 'GET', path);
    const id = Array.isArray(list.json?.data) ? list.json.data[0]?.id : undefined;
    // No list to take an id from (files): an id of the right form that names nothing.
    path += `/${typeof id === 'string' ? id : '6812fe6e9f39b6760576ffff'}`;
  }
  return path;
}

/** The GET (with the same parameters) that shows what the operation may change: itself or the nearest one above it. */
export function ownListPath(op: Op, filled: string): string | undefined {
  const templates = op.template.split('/');
  const parts = filled.split('/');
  for (let n = templates.length; n > 2; n--) {
    const template = templates.slice(0, n).join('/');
    if ((bundle.paths as any)[template]?.get) return parts.slice(0, n).join('/');
  }
  return undefined;
}

/** Every list and singleton the store answers without parameters, as text: equal text, equal state. */
export async function snapshot(sandbox: Sandbox, extra: string[] = []): Promise<string> {
  const paths = [...Object.keys(bundle.paths).filter((p) => !p.includes('{') && (bundle.paths as any)[p].get), ...extra];
  const parts: string[] = [];
  for (const path of paths) {
    const query = (bundle.paths as any)[path]?.get?.parameters?.some((p: any) => resolve(p)?.name === 'limit') ? '?limit=100' : '';
    parts.push(`${path}\n${(await call(sandbox, 'GET', path + query)).text}`);
  }
  return parts.join('\n');
}

/**
 * What is wrong with an answer (undefined when nothing): its status must be documented for the
 * operation (or a transport limit), and its JSON body must match that status's schema (the API's
 * error body for a transport limit). Error bodies never carry a stack or internal text.
 */
export function answerProblem(op: Op, answer: { status: number; json: any; text: string }): string | undefined {
  const status = String(answer.status);
  const where = `${op.method} ${op.template} -> ${status}`;
  if (answer.json === undefined) return `${where}: not JSON: ${answer.text.slice(0, 80)}`;
  if (answer.status >= 400 && /\bat .+:\d+:\d+|RangeError|TypeError|Maximum call stack/.test(answer.text)) return `${where}: leaks internals`;
  try {
    if (TRANSPORT.has(answer.status) && !(status in op.operation.responses)) assertMatches('#/components/schemas/ApiError', answer.json);
    else if (!(status in op.operation.responses)) return `${where}: status not documented`;
    else assertMatches(responseSchemaPointer(op.template, op.method.toLowerCase(), status), answer.json);
  } catch (error) {
    return `${where}: ${(error as Error).message}`;
  }
  return undefined;
}
