// A sandbox as a user's tests meet it (the project's client on `sandbox.fetch`), with every answer
// it gives checked against the spec: the status must be one the operation documents, and a JSON
// body must match that status's schema. Answers of the control routes (/_sandbox/) are checked
// the same way against their own description (generated/sandbox-openapi.json). Test files assert
// that nothing was found wrong.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterEach, beforeEach, expect } from 'vitest';
import { CheckoutPageError, createCheckoutPageClient, type CheckoutPageClient } from '../../src/index.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.ts';
import { bundle } from '../support/bundle.ts';
import { assertMatches, responseMediaTypes, responseSchemaPointer } from '../support/schema.ts';
import { GENERATED_DIR } from '../../scripts/lib/paths.ts';
import { deref } from '../../scripts/lib/refs.ts';

export const API_KEY = 'sk_test_sandbox';

const templates = Object.keys(bundle.paths).map((path) => ({
  path,
  regex: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  literals: path.split('/').filter((s) => s && !s.startsWith('{')).length,
}));
templates.sort((a, b) => b.literals - a.literals);

export interface Checked {
  sandbox: Sandbox;
  client: CheckoutPageClient;
  /** `sandbox.fetch`, with the answer checked. */
  fetch: typeof globalThis.fetch;
  /** What was wrong with answers so far (empty when every answer matched the spec). */
  problems: string[];
  /** How many answers were checked against a schema. */
  checked: { count: number };
}

export function checkedSandbox(options?: SandboxOptions): Checked {
  const sandbox = createSandbox(options);
  const { fetch, problems, checked } = checking((input, init) => sandbox.handle(new Request(input, init)));
  const client = createCheckoutPageClient({ apiKey: API_KEY, fetch, maxRetries: 0 });
  return { sandbox, client, fetch, problems, checked };
}

/**
 * For a test file: a fresh checked sandbox before each test (read it through the returned object,
 * whose fields are replaced each time) and, after each test, the assertion that answers were
 * checked and every one matched the spec.
 */
export function checkedSandboxPerTest(options?: SandboxOptions): Checked {
  const current = {} as Checked;
  beforeEach(() => {
    Object.assign(current, checkedSandbox(options));
  });
  afterEach(() => {
    expect(current.problems).toEqual([]);
    expect(current.checked.count).toBeGreaterThan(0);
  });
  return current;
}

/** A fetch (any door: `sandbox.fetch`, or HTTP to `listen()`) whose answers are checked against the spec. */
export function checking(inner: typeof globalThis.fetch): Pick<Checked, 'fetch' | 'problems' | 'checked'> {
  const problems: string[] = [];
  const checked = { count: 0 };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await inner(request.clone());
    const problem = await check(request, response.clone(), checked);
    if (problem) problems.push(problem);
    return response;
  };
  return { fetch, problems, checked };
}

async function check(request: Request, response: Response, checked: { count: number }): Promise<string | undefined> {
  const { pathname } = new URL(request.url);
  const method = request.method.toLowerCase();
  const where = `${request.method} ${pathname} -> ${response.status}`;
  const template = templates.find((t) => t.regex.test(pathname) && (bundle.paths[t.path] as Record<string, unknown>)[method]);
  const status = String(response.status);
  if (pathname.startsWith('/_sandbox/')) return checkControl(method, pathname, response, where, checked);
  if (!template) {
    // Not an operation of the spec (an unknown route): still the API's error body.
    if (response.status < 400) return `${where}: answered an unknown route`;
    return validate('#/components/schemas/ApiError', await response.json(), where, checked);
  }
  const operation = (bundle.paths[template.path] as Record<string, { responses: Record<string, unknown> }>)[method]!;
  if (!(status in operation.responses)) return `${where}: status not documented for this operation`;
  const mediaTypes = responseMediaTypes(template.path, method, status);
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!;
  if (!mediaTypes.includes(type)) return `${where}: content-type ${type} is not one of ${mediaTypes.join(', ')}`;
  if (type !== 'application/json') return undefined;
  return validate(responseSchemaPointer(template.path, method, status), await response.json(), where, checked);
}

function validate(pointer: string, body: unknown, where: string, checked: { count: number }): string | undefined {
  checked.count++;
  try {
    assertMatches(pointer, body);
    return undefined;
  } catch (error) {
    return `${where}: ${(error as Error).message}`;
  }
}

// ---- the control routes, against generated/sandbox-openapi.json ----

type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
export const controlDoc = JSON.parse(readFileSync(path.join(GENERATED_DIR, 'sandbox-openapi.json'), 'utf8')) as Doc;
const CONTROL_ID = 'https://checkoutpage-openapi.local/sandbox-openapi.json';
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const controlAjv = new Ajv2020({ strict: false, allErrors: true });
addFormats(controlAjv);
controlAjv.addSchema({ ...controlDoc, $id: CONTROL_ID });
const controlTemplates = Object.keys(controlDoc.paths).map((p) => ({ path: p, regex: new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));

const controlChecks = new Map<string, ReturnType<typeof controlAjv.compile>>();

async function checkControl(method: string, pathname: string, response: Response, where: string, checked: { count: number }): Promise<string | undefined> {
  const template = controlTemplates.find((t) => t.regex.test(pathname) && controlDoc.paths[t.path]![method]);
  if (!template) return response.status === 404 ? undefined : `${where}: not a control route of sandbox-openapi.json`;
  const documented = deref(controlDoc, controlDoc.paths[template.path]![method]!.responses[String(response.status)]);
  if (!documented) return `${where}: status not documented in sandbox-openapi.json`;
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!;
  const media = Object.keys(documented.content ?? {});
  if (!media.includes(type) && !media.includes('*/*')) return `${where}: content-type ${type} is not one of ${media.join(', ')}`;
  if (type !== 'application/json') return undefined;
  const key = `${method} ${template.path} ${response.status}`;
  let validate = controlChecks.get(key);
  if (!validate) {
    const absolute = (name: string, v: unknown) => (name === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${CONTROL_ID}${v}` : v);
    controlChecks.set(key, (validate = controlAjv.compile(JSON.parse(JSON.stringify(documented.content[type].schema), absolute))));
  }
  checked.count++;
  return validate(await response.json()) ? undefined : `${where}: ${controlAjv.errorsText(validate.errors)}`;
}

/** Calls the sandbox with a raw request (for what the typed client will not send), checked like the rest. */
export async function raw(
  { fetch }: Checked,
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null) headers.Authorization = `Bearer ${options.key ?? API_KEY}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`https://api.checkoutpage.com${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}

/** The error a client call fails with (the test fails if it succeeds or fails otherwise). */
export async function failure(promise: Promise<unknown>): Promise<CheckoutPageError> {
  const error = await promise.then(
    () => new Error('expected the call to fail, and it succeeded'),
    (e: unknown) => e,
  );
  if (!(error instanceof CheckoutPageError)) throw error;
  return error;
}
