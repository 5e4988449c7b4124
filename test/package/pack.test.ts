// The packed tarball is what a user installs: it imports, runs and type-checks in a fresh project,
// ships its licence, works from CommonJS, and passes publint and attw (esm-only profile) as pinned.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, ROOT } from '../../scripts/lib/paths.ts';
import { run, runTs } from '../../scripts/lib/run.ts';

let dir: string;
let files: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cp-pack-'));
  const compiled = await runTs(path.join(ROOT, 'scripts/compile.ts'), [], { cwd: ROOT });
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
    expect(files).toContain('generated/sandbox-openapi.json');
    expect(files).toContain('generated/sandbox-openapi.yaml');
    // The Arazzo workflows are the only files of spec/ that ship.
    expect(files.filter((f) => /^(spec|src|test|scripts|bench|examples)\//.test(f) && !/^spec\/workflows\/[a-z-]+\.arazzo\.yaml$/.test(f))).toEqual([]);
  });

  it('ships the Arazzo workflows as ./workflows/*, their API source resolving to the shipped bundle', async () => {
    const shipped = files.filter((f) => f.startsWith('spec/workflows/'));
    expect(shipped.length).toBeGreaterThanOrEqual(10);
    const script = `
      import { createRequire } from 'node:module';
      import { existsSync, readFileSync } from 'node:fs';
      import path from 'node:path';
      const require = createRequire(import.meta.url);
      const file = require.resolve('checkoutpage-openapi/workflows/coupon-lifecycle.arazzo.yaml');
      const url = /url: (\\S+)/.exec(readFileSync(file, 'utf8'))[1];
      console.log(JSON.stringify({ source: existsSync(path.resolve(path.dirname(file), url)) }));`;
    await writeFile(path.join(dir, 'app/workflows.mjs'), script);
    const result = await run(process.execPath, ['workflows.mjs'], { cwd: path.join(dir, 'app') });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ source: true });
  });

  it('ships the MIT licence that package.json names', async () => {
    expect(files).toContain('LICENSE');
    const licence = await readFile(path.join(dir, 'app/node_modules/checkoutpage-openapi/LICENSE'), 'utf8');
    expect(licence).toMatch(/^MIT License\n/);
    expect(JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).license).toBe('MIT');
  });

  it('works from CommonJS with require() (Node 20.19 and later load the ES modules)', async () => {
    const script = `
      const { createCheckoutPageClient, CheckoutPageError } = require('checkoutpage-openapi');
      const { createSandbox } = require('checkoutpage-openapi/sandbox');
      const spec = require('checkoutpage-openapi/openapi.json');
      const sandbox = createSandbox();
      const client = createCheckoutPageClient({ apiKey: 'sk_test_pack', fetch: sandbox.fetch });
      client.coupons.list({ limit: 1 }).then((page) => {
        console.log(JSON.stringify({ items: page.data.length, error: typeof CheckoutPageError, title: spec.info.title }));
      });`;
    await writeFile(path.join(dir, 'app/check.cjs'), script);
    const result = await run(process.execPath, ['check.cjs'], { cwd: path.join(dir, 'app') });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ items: 1, error: 'function', title: 'Checkout Page API' });
  });

  it('resolves every export to a shipped file, the YAML bundle included', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    const script = `
      import { readFileSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      const subpaths = ${JSON.stringify(Object.keys(pkg.exports).filter((k) => k !== './schema').map((k) => k.replace('*', 'coupon-lifecycle.arazzo.yaml')))};
      const sizes = Object.fromEntries(subpaths.map((s) => {
        const file = fileURLToPath(import.meta.resolve('checkoutpage-openapi' + s.slice(1)));
        return [s, readFileSync(file, 'utf8').length > 0];
      }));
      const yaml = readFileSync(fileURLToPath(import.meta.resolve('checkoutpage-openapi/openapi.yaml')), 'utf8');
      console.log(JSON.stringify({ sizes, yaml: /^openapi: 3\.1/m.test(yaml) }));`;
    await writeFile(path.join(dir, 'app/exports.mjs'), script);
    const result = await run(process.execPath, ['exports.mjs'], { cwd: path.join(dir, 'app') });
    expect(result.stderr).toBe('');
    const { sizes, yaml } = JSON.parse(result.stdout) as { sizes: Record<string, boolean>; yaml: boolean };
    expect(Object.keys(sizes)).toEqual([
      '.',
      './sandbox',
      './openapi.json',
      './openapi.yaml',
      './sandbox/openapi.json',
      './sandbox/openapi.yaml',
      './workflows/coupon-lifecycle.arazzo.yaml',
      './package.json',
    ]);
    expect(Object.values(sizes).every(Boolean)).toBe(true);
    expect(yaml).toBe(true);
  });

  it('passes publint (strict) and attw --pack --profile esm-only', async () => {
    const publint = await run(bin('publint'), ['--strict'], { cwd: ROOT });
    expect(publint.stdout + publint.stderr).toContain('All good!');
    expect(publint.code).toBe(0);
    const attw = await run(bin('attw'), ['--pack', '--profile', 'esm-only', '--format', 'json'], { cwd: ROOT });
    expect(attw.code, attw.stdout).toBe(0);
    const report = JSON.parse(attw.stdout.slice(attw.stdout.indexOf('{'))) as { problems: Record<string, Array<{ resolutionKind?: string }>> };
    // The profile ignores the node10 and CommonJS resolutions only: nothing else may be wrong.
    const all = Object.values(report.problems).flat();
    expect(all.filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''))).toEqual([]);
  }, 180_000);

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
      import { createRequire } from 'node:module';
      const control = createRequire(import.meta.url)('checkoutpage-openapi/sandbox/openapi.json');
      const sandbox = createSandbox();
      const answer = await sandbox.fetch('https://api.checkoutpage.com/v1/coupons?limit=1', { headers: { Authorization: 'Bearer sk_test_pack' } });
      const body = await answer.json();
      console.log(JSON.stringify({ status: answer.status, items: body.data.length, total: body.total, reset: control.paths['/_sandbox/reset'].post.operationId }));`;
    await writeFile(path.join(dir, 'app/sandbox.mjs'), script);
    const result = await run(process.execPath, ['sandbox.mjs'], { cwd: path.join(dir, 'app') });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ status: 200, items: 1, total: 30, reset: 'resetSandboxStore' }); // the default seed: 30 coupons
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
