// The packed tarball is what a user installs: it imports, runs and type-checks in a fresh project.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, ROOT } from '../../scripts/lib/paths.ts';
import { run } from '../../scripts/lib/run.ts';

let dir: string;
let files: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cp-pack-'));
  const compiled = await run(bin('tsx'), [path.join(ROOT, 'scripts/compile.ts')], { cwd: ROOT });
  expect(compiled.code, compiled.stderr).toBe(0);
  const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT });
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = info!.files.map((f) => f.path).sort();
  const app = path.join(dir, 'app');
  await run('mkdir', ['-p', app]);
  await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const installed = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(dir, info!.filename)], { cwd: app });
  expect(installed.code, installed.stderr).toBe(0);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm pack', () => {
  it('ships the compiled client, its types and the bundle, and nothing else', () => {
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/generated/schema.d.ts');
    expect(files).toContain('dist/generated/resources.js');
    expect(files).toContain('generated/openapi.json');
    expect(files).toContain('generated/openapi.yaml');
    expect(files.filter((f) => /^(spec|src|test|scripts|bench|examples)\//.test(f))).toEqual([]);
  });

  it('imports and works in a fresh ESM project', async () => {
    const script = `
      import { createCheckoutPageClient, constructWebhookEvent, CheckoutPageError, paginate } from 'checkoutpage-openapi';
      import { createRequire } from 'node:module';
      const spec = createRequire(import.meta.url)('checkoutpage-openapi/openapi.json');
      const client = createCheckoutPageClient({ apiKey: 'sk_test_pack' });
      console.log(JSON.stringify({
        resources: typeof client.payments.list, get: typeof client.GET, verify: typeof constructWebhookEvent,
        error: typeof CheckoutPageError, paginate: typeof paginate, title: spec.info.title,
      }));`;
    await writeFile(path.join(dir, 'app/check.mjs'), script);
    const result = await run(process.execPath, ['check.mjs'], { cwd: path.join(dir, 'app') });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      resources: 'function', get: 'function', verify: 'function', error: 'function', paginate: 'function', title: 'Checkout Page API',
    });
  });

  it('ships the sandbox as its own entry, working on the bundled spec', async () => {
    expect(files).toContain('dist/src/sandbox/index.js');
    const script = `
      import { createSandbox } from 'checkoutpage-openapi/sandbox';
      const sandbox = createSandbox();
      const answer = await sandbox.fetch('https://api.checkoutpage.com/v1/coupons?limit=1', { headers: { Authorization: 'Bearer sk_test_pack' } });
      const body = await answer.json();
      console.log(JSON.stringify({ status: answer.status, items: body.data.length, total: body.total }));`;
    await writeFile(path.join(dir, 'app/sandbox.mjs'), script);
    const result = await run(process.execPath, ['sandbox.mjs'], { cwd: path.join(dir, 'app') });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ status: 200, items: 1, total: 2 });
  });

  it('type-checks a consumer against the shipped declarations', async () => {
    const source = `
      import { createCheckoutPageClient } from 'checkoutpage-openapi';
      import type { components } from 'checkoutpage-openapi/schema';
      import { createSandbox, type Sandbox } from 'checkoutpage-openapi/sandbox';
      const sandbox: Sandbox = createSandbox({ rateLimit: true });
      const client = createCheckoutPageClient({ apiKey: 'sk_test_pack', fetch: sandbox.fetch });
      export async function total(): Promise<number> {
        const payment: components['schemas']['Payment'] = await client.payments.get('6812fe6e9f39b6760576f01d');
        return payment.amount;
      }
      // @ts-expect-error -- unknown path
      client.GET('/v1/nope');
    `;
    const app = path.join(dir, 'app');
    await writeFile(path.join(app, 'consumer.ts'), source);
    await writeFile(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2023', 'DOM'], noEmit: true, types: [] }, files: ['consumer.ts'] }),
    );
    const result = await run(bin('tsc'), ['-p', path.join(app, 'tsconfig.json')], { cwd: app });
    expect(result.stdout + result.stderr).toBe('');
    expect(await readFile(path.join(app, 'node_modules/checkoutpage-openapi/package.json'), 'utf8')).toContain('"version"');
  });
});
