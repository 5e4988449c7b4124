// Contract suite for the generated resource API (client.payments.get(), ...): every method against
// the Prism mock, with the example inputs the docs' code samples use, for its 2xx answer and for
// every documented error status.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { prismReady } from '../support/prism.ts';
import { exampleCalls } from '../../scripts/lib/code-samples.ts';
import { CheckoutPageError, createCheckoutPageClient, type RequestOptions } from '../../src/index.ts';
import { bundle, operations } from '../support/bundle.ts';
import { assertMatches, responseSchemaPointer } from '../support/schema.ts';

const client = createCheckoutPageClient({ apiKey: 'sk_test_resources', baseUrl: inject('prismUrl'), maxRetries: 0 });
const calls = exampleCalls(bundle as never).map((call) => ({ ...call, title: `client.${call.method.namespace}.${call.method.name}()` }));

function invoke({ method: m, inputs }: (typeof calls)[number], options: RequestOptions): PromiseLike<unknown> {
  const args: unknown[] = [...inputs.pathValues];
  // An upload sends a small real file in each file field, as bytes with the sample's name and type.
  const files = Object.entries(inputs.files ?? {}).map(([field, f]) => ({ [field]: new TextEncoder().encode('sample file bytes'), ...f }));
  if (m.body !== 'none') args.push(files.length ? Object.assign({}, inputs.body, ...files) : inputs.body);
  if (m.hasQuery) args.push(inputs.query);
  args.push(options);
  const fn = (client as unknown as Record<string, Record<string, (...a: unknown[]) => PromiseLike<unknown>>>)[m.namespace]![m.name]!;
  return fn(...args);
}

beforeAll(() => prismReady()); // the run starts Prism without waiting for it

describe('resource API coverage', () => {
  it('has one method per operation', () => {
    expect(calls.map((c) => c.method.operationId).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });
});

describe.each(calls)('$title', (call) => {
  const m = call.method;
  const errors = operations.find((op) => op.operationId === m.operationId)!.statuses.filter((s) => /^[45]/.test(s));

  it(`returns the ${m.result === 'data' ? 'unwrapped data' : m.result === 'list' ? 'page' : m.result === 'binary' ? 'file' : 'body'} of its ${m.status} answer`, async () => {
    const result = await invoke(call, { headers: { Prefer: `code=${m.status}` } });
    const pointer = m.result === 'binary' ? '' : responseSchemaPointer(m.path, m.httpMethod.toLowerCase(), m.status);
    if (m.result === 'data') assertMatches(pointer, { data: result });
    else if (m.result === 'binary') expect(new TextDecoder().decode((result as ArrayBuffer).slice(0, 5))).toBe('%PDF-');
    else assertMatches(pointer, result);
  });

  it.each(errors)('throws CheckoutPageError on %s', async (status) => {
    const error = await Promise.resolve(invoke(call, { headers: { Prefer: `code=${status}` } })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CheckoutPageError);
    expect(error).toMatchObject({ status: Number(status), type: expect.any(String), method: m.httpMethod });
  });
});
