// Contract suite: the real client against the real Prism mock of the bundle, for every operation
// and every documented status.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { prismReady } from '../support/prism.ts';
import createClient from 'openapi-fetch';
import { createCheckoutPageClient } from '../../src/index.ts';
import type { paths } from '../../generated/schema.js';
import { operations } from '../support/bundle.ts';
import { assertMatches, responseMediaTypes, responseSchemaPointer } from '../support/schema.ts';
import { cases } from './cases/index.ts';

const baseUrl = inject('prismUrl');
// No retries: this suite checks each documented status as the mock serves it; retries are tested in test/client.
const client = createCheckoutPageClient({ apiKey: 'sk_test_contract', baseUrl, maxRetries: 0 });

beforeAll(() => prismReady()); // the run starts Prism without waiting for it

describe('coverage guard', () => {
  it('has a contract case for every operation in the bundle, and none for operations that are gone', () => {
    const inBundle = operations.map((op) => op.operationId).sort();
    expect(Object.keys(cases).sort()).toEqual(inBundle);
  });
});

describe.each(operations)('$operationId ($method $path)', (op) => {
  const call = cases[op.operationId];
  const success = op.statuses.filter((s) => s.startsWith('2'));
  const errors = op.statuses.filter((s) => /^[45]/.test(s));

  it.each(success)('answers %s with a body that matches the spec', async (status) => {
    expect(call, `no contract case for ${op.operationId}`).toBeDefined();
    const { data, error, response } = await call!(client, { Prefer: `code=${status}` });
    expect(error).toBeUndefined();
    expect(response.status).toBe(Number(status));
    const [mediaType] = responseMediaTypes(op.path, op.method, status);
    if (mediaType === 'application/json') {
      assertMatches(responseSchemaPointer(op.path, op.method, status), data);
    } else {
      // Binary answers (the booking PDF): the case asks openapi-fetch for the raw body.
      expect(response.headers.get('content-type')).toContain(mediaType);
      expect(data).toBeTruthy();
    }
  });

  it.each(errors)('answers %s with the shared error body', async (status) => {
    const { data, error, response } = await call!(client, { Prefer: `code=${status}` });
    expect(data).toBeUndefined();
    expect(response.status).toBe(Number(status));
    assertMatches('#/components/schemas/ApiError', error);
    expect(error).toMatchObject({ status: 'error', type: expect.any(String), message: expect.any(String) });
  });
});

describe('authentication', () => {
  it('sends the API key as a bearer token (the mock accepts it)', async () => {
    const { response } = await client.GET('/v1/account');
    expect(response.status).toBe(200);
  });

  it('gets 401 without an API key', async () => {
    const anonymous = createClient<paths>({ baseUrl });
    const { error, response } = await anonymous.GET('/v1/account');
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ status: 'error' });
  });
});
