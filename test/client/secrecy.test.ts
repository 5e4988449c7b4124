// The API key is required, and never shows up in errors, logs or serialisations.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckoutPageClient } from '../../src/index.ts';
import { json, reset, silence, startFaultServer, text, type FaultServer } from '../support/fault-server.ts';

const API_KEY = 'sk_live_51NeverPrintMe0123456789';

let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());

describe('apiKey option', () => {
  it.each([
    ['missing', {}],
    ['empty', { apiKey: '' }],
    ['blank', { apiKey: '   ' }],
    ['not a string', { apiKey: 42 }],
  ])('rejects a %s key with a clear message', (_label, options) => {
    expect(() => createCheckoutPageClient(options as never)).toThrow(
      'createCheckoutPageClient: `apiKey` is required; create one under Settings > API Keys.',
    );
  });

  it('rejects a negative maxRetries and a zero timeout', () => {
    expect(() => createCheckoutPageClient({ apiKey: API_KEY, maxRetries: -1 })).toThrow('`maxRetries` must be a number >= 0');
    expect(() => createCheckoutPageClient({ apiKey: API_KEY, timeoutMs: 0 })).toThrow('`timeoutMs` must be a number >= 1');
  });
});

describe('the API key stays secret', () => {
  const client = () => createCheckoutPageClient({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0, timeoutMs: 200 });
  const failures = [
    ['an API error', json(401, { status: 'error', type: 'error', message: 'Missing or invalid API key' })],
    ['an HTML error', text(500, '<html>oops</html>')],
    ['a reset connection', reset],
    ['a timeout', silence],
  ] as const;

  it.each(failures)('is absent from %s: message, stack, toString, JSON and inspect', async (_label, answer) => {
    server.script(answer);
    const error = await client().payments.get('6812fe6e9f39b6760576f01d').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    for (const view of [
      (error as Error).message,
      String((error as Error).stack),
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
    ]) {
      expect(view).not.toContain(API_KEY);
      expect(view).not.toContain('NeverPrintMe');
    }
  });

  it('is absent from the client object itself', () => {
    const c = client();
    expect(inspect(c, { depth: 10, showHidden: true })).not.toContain('NeverPrintMe');
    expect(JSON.stringify(c)).not.toContain('NeverPrintMe');
    expect(inspect(c.payments, { depth: 10, showHidden: true })).not.toContain('NeverPrintMe');
  });

  it('is sent as a bearer token, with our User-Agent after the caller’s', async () => {
    server.script(json(200, { id: 'x', name: null, displayName: null, logo: null }));
    await createCheckoutPageClient({ apiKey: API_KEY, baseUrl: server.url, userAgent: 'acme-shop/2.1' }).account.get();
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^acme-shop\/2\.1 checkoutpage-openapi\/\d+\.\d+\.\d+$/);
  });
});
