// `npm run sandbox -- --state FILE` and `-- --seed FILE`, run as a user runs them: the records of a
// purchase survive a restart, a corrupt state file stops the start with its place and is left as
// it was, and a seed file's records are served (an invalid one fails the start, naming the record
// and the field).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths.ts';
import { quietEnv, tsxCommand } from '../../scripts/lib/run.ts';
import { API_KEY, checking } from './support.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-state-'));
/** Every sandbox started, stopped at the end even when a test failed before stopping it. */
const started: Started[] = [];
afterAll(async () => {
  await Promise.all(started.map((run) => run.stop()));
  rmSync(dir, { recursive: true, force: true });
});

interface Started {
  url?: string;
  code: Promise<number | null>;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Starts `npm run sandbox` as package.json does, on a free port, in its own process group. */
async function start(...args: string[]): Promise<Started> {
  const child = spawn(...tsxCommand(path.join(ROOT, 'scripts/sandbox.ts'), ['--port', '0', ...args]), { cwd: ROOT, env: quietEnv, detached: true });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const url = await Promise.race([
    new Promise<string>((resolve) => child.stdout.on('data', () => /http:\/\/[\d.:]+/.exec(out) && resolve(/http:\/\/[\d.:]+/.exec(out)![0]))),
    code.then(() => undefined),
  ]);
  const run: Started = {
    url,
    code,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
      return code;
    },
  };
  started.push(run);
  return run;
}

const headers = { Authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };

describe('--state FILE', () => {
  it('keeps the records of a purchase, and the store’s clock, across a restart', async () => {
    const file = path.join(dir, 'state.json');
    const { fetch, problems } = checking(globalThis.fetch);
    const first = await start('--state', file);
    let orderId: string;
    let paymentId: string;
    try {
      const bought = await fetch(`${first.url}/_sandbox/purchases`, { method: 'POST', headers, body: JSON.stringify({ pageId: '6630b3a8c4e8a91d2f7b3a22', email: 'kept@example.com' }) });
      expect(bought.status).toBe(201);
      ({ id: paymentId, orderId } = ((await bought.json()) as { data: { payment: { id: string; orderId: string } } }).data.payment);
      expect((await fetch(`${first.url}/_sandbox/clock`, { method: 'POST', headers, body: JSON.stringify({ days: 3 }) })).status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'checkoutpage-sandbox-state', version: 1 });
    // Saved by writing a temporary file and renaming it: none is left behind.
    expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);

    const second = await start('--state', file);
    try {
      const payment = await fetch(`${second.url}/v1/payments/${paymentId}`, { headers });
      expect(payment.status).toBe(200);
      expect(((await payment.json()) as { data: { orderId: string } }).data.orderId).toBe(orderId);
      const customers = (await (await fetch(`${second.url}/v1/customers?search=kept@example.com`, { headers })).json()) as { total: number };
      expect(customers.total).toBe(1);
      const clock = (await (await fetch(`${second.url}/_sandbox/clock`, { headers })).json()) as { data: { offsetMs: number } };
      // Three days, less the milliseconds the request itself took.
      expect(clock.data.offsetMs).toBeGreaterThan(3 * 86_400_000 - 60_000);
    } finally {
      await second.stop();
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('refuses a corrupt state file, naming its place, and leaves it untouched', async () => {
    const file = path.join(dir, 'corrupt.json');
    const text = '{\n  "format": "checkoutpage-sandbox-state",\n  "version": 1,\n  "stores": {]\n}\n';
    writeFileSync(file, text);
    const run = await start('--state', file);
    expect(await run.code).toBe(1);
    expect(run.url).toBeUndefined();
    expect(run.output()).toContain(`${file}:4:14: not valid JSON`);
    expect(readFileSync(file, 'utf8')).toBe(text);

    writeFileSync(file, JSON.stringify({ format: 'checkoutpage-sandbox-state', version: 1, stores: { default: { collections: { '/v1/payments': [{ id: 'x' }] } } } }));
    const shaped = await start('--state', file);
    expect(await shaped.code).toBe(1);
    expect(shaped.output()).toContain(`${file}: stores.default.collections["/v1/payments"][0] needs id and scope (strings) and seeded (a boolean)`);
  }, 60_000);
});

describe('--seed FILE', () => {
  it('serves the seed file’s records beside the built-in ones', async () => {
    const file = path.join(dir, 'seed.yaml');
    writeFileSync(file, [
      'customers:',
      '  - id: 6900aa000000000000000001',
      '    email: seeded@example.com',
      '    name: Seeded Customer',
      'coupons:',
      '  - code: SEEDED15',
      '    label: Seeded 15%',
      '    percentOff: 15',
      '    duration: once',
      '    timesRedeemed: 0',
      '    deleted: false',
      '',
    ].join('\n'));
    const { fetch, problems } = checking(globalThis.fetch);
    const run = await start('--seed', file);
    try {
      const customer = (await (await fetch(`${run.url}/v1/customers/6900aa000000000000000001`, { headers })).json()) as { data: { email: string } };
      expect(customer.data.email).toBe('seeded@example.com');
      const coupons = (await (await fetch(`${run.url}/v1/coupons?search=SEEDED15`, { headers })).json()) as { total: number };
      expect(coupons.total).toBe(1);
      const bought = await fetch(`${run.url}/_sandbox/purchases`, { method: 'POST', headers, body: JSON.stringify({ pageId: '6630b3a8c4e8a91d2f7b3a22', email: 'seeded@example.com', couponCode: 'SEEDED15' }) });
      expect(((await bought.json()) as { data: { customer: { id: string }; payment: { amount: number } } }).data).toMatchObject({ customer: { id: '6900aa000000000000000001' }, payment: { amount: 17000 } });
    } finally {
      await run.stop();
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('fails the start on an invalid record, naming the record and the field', async () => {
    const file = path.join(dir, 'bad-seed.json');
    writeFileSync(file, JSON.stringify({ customers: [{ email: 'ok@example.com' }, { id: '6900aa000000000000000002', email: 'two@example.com', name: 42 }] }, null, 2));
    const run = await start('--seed', file);
    expect(await run.code).toBe(1);
    expect(run.output()).toContain(`${file}: customers[1] (id 6900aa000000000000000002): field "name": must be string`);
  }, 60_000);
});
