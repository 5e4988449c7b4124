// The three ways in: `sandbox.listen()` (HTTP), `npm run sandbox` (the same as a command, stopped
// by Ctrl-C) and Mock Service Worker (examples/sandbox-msw.ts, run as a user would run it).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCheckoutPageClient } from '../../src/index.ts';
import { createSandbox } from '../../src/sandbox/index.ts';
import { ROOT } from '../../scripts/lib/paths.ts';
import { quietEnv, runTs, tsxCommand } from '../../scripts/lib/run.ts';
import { freePort } from '../support/free-port.ts';
import { API_KEY, checking } from './support.ts';

describe('listen(): the HTTP door', () => {
  it('serves the same engine over HTTP to the client, binary answers included, until closed', async () => {
    const sandbox = createSandbox();
    const server = await sandbox.listen(0);
    const { fetch, problems, checked } = checking(globalThis.fetch);
    try {
      const client = createCheckoutPageClient({ apiKey: API_KEY, baseUrl: server.url, fetch, maxRetries: 0 });
      const coupon = await client.coupons.create({ label: 'Over HTTP', code: 'HTTP10', percentOff: 10, duration: 'once' });
      expect((await client.coupons.list({ limit: 1 })).data[0]!.id).toBe(coupon.id);
      const pdf = await client.bookings.downloadTicketPdf('6851c2d39f39b6760576f301');
      expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
      expect((await fetch(`${server.url}/v1/account`)).status).toBe(401);
      // One state behind every door.
      const inProcess = createCheckoutPageClient({ apiKey: API_KEY, fetch: sandbox.fetch });
      expect((await inProcess.coupons.list({ search: 'HTTP10' })).total).toBe(1);
    } finally {
      await server.close();
    }
    expect(problems).toEqual([]);
    expect(checked.count).toBeGreaterThan(0);
    await expect(globalThis.fetch(`${server.url}/v1/account`)).rejects.toThrow();
  });
});

describe('npm run sandbox', () => {
  it('serves on the given port, keeps state between requests, and exits 0 on SIGINT', async () => {
    const port = await freePort();
    // As package.json's script runs it: one Node process with tsx's loader.
    const child = spawn(...tsxCommand(path.join(ROOT, 'scripts/sandbox.ts'), ['--port', String(port), '--rate-limit']), { cwd: ROOT, env: quietEnv });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    const headers = { Authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
    let answer: Response | undefined;
    for (let i = 0; i < 150 && !answer; i++) {
      answer = await fetch(`${url}/v1/account`, { headers }).catch(() => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100)));
    }
    expect(answer?.status).toBe(200);
    const { fetch: checked, problems } = checking(globalThis.fetch);
    const body = JSON.stringify({ label: 'CLI', code: 'CLI5', percentOff: 5, duration: 'once' });
    expect((await checked(`${url}/v1/coupons`, { method: 'POST', headers, body })).status).toBe(201);
    const listed = (await (await checked(`${url}/v1/coupons?search=cli5`, { headers })).json()) as { total: number };
    expect(listed.total).toBe(1);
    expect(problems).toEqual([]);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/v1/account`)).rejects.toThrow();
  }, 60_000);
});

describe('Mock Service Worker', () => {
  it('runs examples/sandbox-msw.ts: the client on its default host talks to the sandbox', async () => {
    const result = await runTs(path.join(ROOT, 'examples/sandbox-msw.ts'), [], { cwd: ROOT });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ created: 'LAUNCH20', listed: ['LAUNCH20'], total: 1 });
  }, 60_000);
});
