// The Workflows guide of the docs site, in a real Chromium: `npm run docs` (run in a throwaway copy
// of the project, so it does not race the other docs tests) writes the guide from the Arazzo files;
// each workflow shows with its numbered steps, every step link lands on its operation's section,
// and the Arazzo files download from beside openapi.yaml, pointing at it.
import { cp } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArazzoFiles, type ArazzoFile } from '../../scripts/lib/arazzo.ts';
import { ROOT } from '../../scripts/lib/paths.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { operationLinks, published } from '../../scripts/lib/workflows-guide.ts';
import { bundle } from '../support/bundle.ts';
import { copyWorkspace, type Workspace } from '../support/workspace.ts';
import { haveChromium, launchChromium, type Chromium } from '../support/chromium.ts';

const chromiumHere = haveChromium('the workflows guide test');

describe.skipIf(!chromiumHere)('the Workflows guide in Chromium', () => {
  let workspace: Workspace;
  let server: StaticServer;
  let browser: BrowserContext;
  let page: Page;
  let chrome: Chromium;
  let files: ArazzoFile[];
  const links = operationLinks(bundle as never);

  beforeAll(async () => {
    files = await readArazzoFiles();
    workspace = await copyWorkspace();
    await cp(path.join(ROOT, 'docs'), path.join(workspace.dir, 'docs'), { recursive: true, filter: (src) => !src.includes(`${path.sep}site`) });
    const result = await workspace.script('docs');
    expect(result.code, result.stderr || result.stdout).toBe(0);
    server = await serveDirectory(path.join(workspace.dir, 'docs/site'));
    chrome = await launchChromium({ viewport: { width: 1400, height: 1000 } });
    browser = chrome.browser;
    page = browser.pages()[0] ?? (await browser.newPage());
  }, 180_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await workspace?.remove();
  });

  it('shows every workflow, under its title in the navigation, with its summary and numbered steps', async () => {
    await page.goto(`${server.url}#/workflows`);
    await page.locator('a[href^="#/workflows/"]').first().waitFor({ timeout: 20_000 });
    // Redoc makes each `##` of the guide a section of its own, listed under the guide.
    const nav = new Map(
      await page.locator('a[href^="#/workflows/"]').evaluateAll((as) => as.map((a) => [(a.textContent ?? '').trim(), a.getAttribute('href')!] as const)),
    );
    const problems: string[] = [];
    for (const file of files) {
      const href = nav.get(file.title);
      if (!href) {
        problems.push(`${file.title}: not in the navigation`);
        continue;
      }
      await page.goto(`${server.url}${href}`);
      const section = page.locator(`[data-section-id="${href.slice(1)}"]`);
      const shown = await section.getByRole('heading', { name: file.title }).first().waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      );
      if (!shown) {
        problems.push(`${file.title}: no section`);
        continue;
      }
      const workflow = file.workflows[0]!;
      if (!(await section.getByText(workflow.summary!, { exact: false }).first().isVisible())) problems.push(`${file.title}: no summary`);
      const steps = await section.locator('ol > li').count();
      if (steps !== workflow.steps.length) problems.push(`${file.title}: ${steps} numbered steps, expected ${workflow.steps.length}`);
    }
    expect(problems).toEqual([]);
    expect(files.reduce((n, f) => n + f.workflows.length, 0)).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it('links each step to its operation, and the link lands on that operation', async () => {
    await page.goto(`${server.url}#/workflows`);
    const step = page.locator('ol > li a[href="#/coupons/createcoupon"]').first();
    await step.waitFor({ timeout: 20_000 });
    await step.click();
    await expect.poll(() => page.url()).toContain('#/coupons/createcoupon');
    await expect.poll(() => page.locator('h1, h2').filter({ hasText: /^Create a coupon$/ }).first().isVisible(), { timeout: 10_000 }).toBe(true);

    // Every other step link as well: each opens the section headed by its operation's summary.
    const hrefs = new Set(files.flatMap((f) => f.workflows.flatMap((w) => w.steps.flatMap((s) => (s.operation && links.has(s.operation) ? [links.get(s.operation)!] : [])))));
    const missing: string[] = [];
    for (const { href, summary } of hrefs) {
      await page.goto(`${server.url}${href}`);
      const shown = await page
        .locator('h1, h2')
        .filter({ hasText: new RegExp(`^${summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
        .first()
        .waitFor({ timeout: 10_000 })
        .then(
          () => true,
          () => false,
        );
      if (!shown) missing.push(href);
    }
    expect(missing).toEqual([]);
  }, 240_000);

  it('offers the Arazzo files for download beside openapi.yaml, pointing at it', async () => {
    for (const file of files.filter(published)) {
      const name = path.basename(file.path);
      const answer = await page.request.get(new URL(name, server.url).href);
      expect(answer.status(), name).toBe(200);
      const document = parse(await answer.text()) as { sourceDescriptions: Array<{ url: string }>; workflows: unknown[] };
      expect(document.sourceDescriptions.map((s) => s.url)).toEqual(['openapi.yaml']);
      expect(document.workflows).toHaveLength(file.workflows.length);
    }
    expect((await page.request.get(new URL('openapi.yaml', server.url).href)).status()).toBe(200);
  });
});
