// The docs site as people will publish it: `npm run docs` builds one self-contained page, and a real
// Chromium (Debian's, through playwright-core) shows every operation and webhook, finds operations
// by name, opens every sidebar link directly, wraps long code lines clear of the copy button, points
// "Open in Claude/ChatGPT" at the Markdown pages, shows the Workflows guide, and makes no failed or
// outside request. One file, so the site is built once and one Chromium reads it.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArazzoFiles, type ArazzoFile } from '../../scripts/lib/arazzo.ts';
import { ROOT } from '../../scripts/lib/paths.ts';
import { POSTMAN_FILE, POSTMAN_SCHEMA } from '../../scripts/lib/postman.ts';
import { runTs } from '../../scripts/lib/run.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { operationLinks, published, slug } from '../../scripts/lib/workflows-guide.ts';
import { bundle, operations } from '../support/bundle.ts';
import { haveChromium, launchChromium, type Chromium } from '../support/chromium.ts';

const SITE = path.join(ROOT, 'docs/site');

let html = '';

beforeAll(async () => {
  const result = await runTs(path.join(ROOT, 'scripts/docs.ts'), [], { cwd: ROOT });
  expect(result.code, result.stderr).toBe(0);
  html = await readFile(path.join(SITE, 'index.html'), 'utf8');
});

describe('docs/site/index.html', () => {
  it('loads no script, style or image from another host', () => {
    expect(html).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
    expect(html).not.toContain('cdn.redoc.ly');
    expect(html).toMatch(/<script/); // Redoc is inlined instead
  });

  it('has the bundle and the Postman collection beside it, and links to each for download', () => {
    for (const file of ['openapi.yaml', 'openapi.json', POSTMAN_FILE]) {
      expect(existsSync(path.join(SITE, file)), file).toBe(true);
      expect(html).toMatch(new RegExp(`<a href="${file.replace(/\./g, '\\.')}"[^>]* download`));
    }
  });

  it('has llms.txt beside it, and every page llms.txt links', () => {
    const written = readFileSync(path.join(SITE, 'llms.txt'), 'utf8');
    const files = [...written.matchAll(/\]\(([^)]+)\)/g)].map(([, file]) => file!);
    expect(files.length).toBeGreaterThan(operations.length);
    for (const file of files) expect(existsSync(path.join(SITE, file)), file).toBe(true);
  });

    it('carries the API title and version', () => {
    const info = (bundle as unknown as { info: { title: string; version: string } }).info;
    expect(html).toContain(info.title);
    expect(html).toContain(info.version);
  });
});

const webhooks = Object.entries((bundle.webhooks ?? {}) as Record<string, { post: { operationId: string; summary: string; tags: string[] } }>).map(
  ([event, item]) => ({ event, operationId: item.post.operationId, summary: item.post.summary, tag: item.post.tags[0]! }),
);
const summaryOf = (op: (typeof operations)[number]) => (bundle.paths[op.path] as any)[op.method].summary as string;
const chromiumHere = haveChromium('the docs browser test');

describe.skipIf(!chromiumHere)('the docs site in Chromium', () => {
  let server: StaticServer;
  let browser: BrowserContext;
  let page: Page;
  let chrome: Chromium;
  const problems: string[] = [];
  const nav = new Map<string, string>(); // href -> label

  beforeAll(async () => {
    server = await serveDirectory(SITE);
    // A fresh profile every run, with the flags that keep Chromium off the (closed) network.
    chrome = await launchChromium({ viewport: { width: 1400, height: 1000 } });
    browser = chrome.browser;
    page = browser.pages()[0] ?? (await browser.newPage());
    const origin = new URL(server.url).origin;
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`outside request: ${url}`);
    });
    await page.goto(server.url);
    await page.locator('a[href^="#/"]').first().waitFor();

    // The sidebar links every group and operation with a #/ route (the template rewrites Redoc's
    // /tag links); operations appear once their group is open.
    // Open every tag in turn and collect the links the sidebar then shows.
    const collect = async () => {
      // Sidebar entries only: the page body links to operations too.
      const links = await page
        .locator('a[href^="#/"]:has([data-testid="menu-item-label"])')
        .evaluateAll((as) => as.map((a) => [a.getAttribute('href')!, (a.textContent ?? '').trim()] as const));
      for (const [href, label] of links) if (label && !nav.has(href)) nav.set(href, label);
    };
    const slugs = await page.locator('a[href]').evaluateAll((as) =>
      as.map((a) => a.getAttribute('href')!).flatMap((href) => /^#?\/([a-z0-9-]+)$/.exec(href)?.[1] ?? []),
    );
    // Only a group of operations needs its links waited for (guides may have none to wait for).
    const groupsOfOperations = new Set([...operations.map((op) => (bundle.paths[op.path] as any)[op.method].tags[0]), ...webhooks.map((w) => w.tag)].map(slug));
    for (const group of [...new Set(slugs)].filter((s) => groupsOfOperations.has(s))) {
      await page.goto(`${server.url}#/${group}`);
      await page.locator(`a[href^="#/${group}/"]`).first().waitFor({ timeout: 30_000 });
      await collect();
    }
  }, 120_000);

  afterAll(async () => {
    await mkdir(path.join(ROOT, 'test-results'), { recursive: true });
    await page?.goto(`${server.url}#/payments/listpayments`);
    await page?.waitForTimeout(500);
    await page?.screenshot({ path: path.join(ROOT, 'test-results/docs-site.png') });
    await chrome?.close();
    await server?.close();
  });

  const linkTo = (operationId: string) => [...nav.keys()].find((href) => href.endsWith(`/${operationId.toLowerCase()}`));

  it('lists every operation of the bundle in the navigation, by its summary', () => {
    const missing = operations.filter((op) => {
      const href = linkTo(op.operationId);
      return !href || !nav.get(href)!.startsWith(summaryOf(op));
    });
    expect(missing.map((op) => op.operationId)).toEqual([]);
  });

  it('lists every webhook event in the navigation', () => {
    const missing = webhooks.filter((w) => {
      const href = linkTo(w.operationId);
      return !href || !href.startsWith('#/webhook-events/') || !nav.get(href)!.startsWith(w.summary);
    });
    expect(webhooks).toHaveLength(24);
    expect(missing.map((w) => w.event)).toEqual([]);
  });

  it('shows a section for every operation and webhook', async () => {
    // Redoc renders a section when its route is opened, so open each one, as a reader's click does
    // (by its hash, the page loaded once; loading a route directly is checked with the sidebar
    // links below), and wait inside the page for its heading.
    const routes = [
      ...operations.map((op) => ({ id: op.operationId, summary: summaryOf(op) })),
      ...webhooks.map((w) => ({ id: w.operationId, summary: w.summary })),
    ].map(({ id, summary }) => ({ id, hash: new URL(`${server.url}${linkTo(id) ?? `#/missing/${id}`}`).hash, summary }));
    await page.goto(server.url);
    await page.locator('h1, h2').first().waitFor({ timeout: 30_000 });
    const missing = await page.evaluate(async (list) => {
      const shown = (summary: string) =>
        // Webhook headings end with a "Webhook" badge.
        Array.from(document.querySelectorAll('h1, h2')).some((h) => h.textContent === summary || h.textContent === `${summary}Webhook`);
      const out: string[] = [];
      for (const { id, hash, summary } of list) {
        window.location.hash = hash;
        const until = Date.now() + 10_000;
        while (!shown(summary) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
        if (!shown(summary)) out.push(id);
      }
      return out;
    }, routes);
    expect(missing).toEqual([]);
  }, 240_000);

  it('finds an operation by name with the search box', async () => {
    await page.goto(server.url);
    await page.getByText('Search', { exact: false }).first().click();
    await page.keyboard.type('Cancel a subscription');
    await expect.poll(() => page.getByText('/v1/subscriptions/{subscriptionId}/cancel').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('shows the TypeScript sample of an operation', async () => {
    await page.goto(`${server.url}${linkTo('createCoupon')}`);
    await page.getByRole('button', { name: 'curl', exact: true }).first().click();
    await page.getByRole('menuitem', { name: 'TypeScript' }).first().click();
    await expect.poll(() => page.getByText('client.coupons.create(', { exact: false }).first().isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it('offers the Postman collection next to the OpenAPI downloads, with every operation in it', async () => {
    await page.goto(server.url);
    const link = page.locator(`a[download][href="${POSTMAN_FILE}"]`).filter({ hasText: 'Postman collection' });
    await link.first().waitFor({ timeout: 10_000 });
    const answer = await page.request.get(new URL(POSTMAN_FILE, server.url).href);
    expect(answer.status()).toBe(200);
    const collection = (await answer.json()) as { info: { schema: string }; item: unknown[] };
    expect(collection.info.schema).toBe(POSTMAN_SCHEMA);
    const count = (items: unknown[]): number =>
      items.reduce<number>((n, i) => n + (Array.isArray((i as { item?: unknown[] }).item) ? count((i as { item: unknown[] }).item) : 1), 0);
    expect(count(collection.item)).toBe(operations.length);
  });

  it('opens every sidebar link directly (a new tab on a static host): no 404, and the page shows its section', async () => {
    // Every link of the sidebar: the groups (tags, guides, the overview) and the operations.
    const links = await page.locator('[data-component-name="Menu/Menu"] a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const groups = [...new Set(links)].filter((href) => !/^#\/[^/]+\/./.test(href));
    expect(groups.length).toBeGreaterThan(20);
    expect(groups.filter((href) => !href.startsWith('#/'))).toEqual([]);
    const tab = await browser.newPage();
    try {
      const failures: string[] = [];
      for (const href of [...groups, ...[...nav.keys()].slice(0, 3)]) {
        const url = new URL(href, server.url).href;
        const answer = await tab.goto(url);
        if (answer && answer.status() !== 200) failures.push(`${href}: HTTP ${answer.status()}`);
      }
      expect(failures).toEqual([]);
      // A tag opened directly shows its own section at the top of the view.
      await tab.goto(new URL('#/coupons', server.url).href);
      const heading = tab.locator('h1, h2').filter({ hasText: /^Coupons$/ }).first();
      await heading.waitFor({ timeout: 10_000 });
      await expect.poll(async () => (await heading.boundingBox())?.y ?? -1, { timeout: 10_000 }).toBeLessThan(400);
      expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    } finally {
      await tab.close();
    }
  });

  it('wraps long curl lines inside the code panel and keeps the copy button off the text', async () => {
    // The longest path of the API: its curl line is far wider than the panel.
    await page.goto(`${server.url}${linkTo('updateEventTicketType')}`);
    const heading = page.locator('h1, h2').filter({ hasText: /^Update a ticket type/ }).first();
    await heading.waitFor({ timeout: 10_000 });
    // The sample language is remembered across pages: show curl, whichever an earlier test chose.
    const language = page.getByRole('button', { name: /^(curl|TypeScript|Payload)$/ }).first();
    await language.waitFor({ timeout: 10_000 });
    if ((await language.textContent())?.trim() !== 'curl') {
      await language.click();
      await page.getByRole('menuitem', { name: 'curl', exact: true }).first().click();
    }
    // Its curl sample: the only PATCH on a ticket type.
    const block = page.locator('pre[data-testid="source-code"]').filter({ hasText: /curl -X PATCH \S+\/ticket-types\// }).first();
    await block.scrollIntoViewIfNeeded();
    const layout = await block.evaluate((pre) => {
      const panel = pre.parentElement!.parentElement!;
      const button = Array.from(panel.querySelectorAll('button')).find((b) => b.getAttribute('data-testid')?.includes('copy') || /copy/i.test(b.getAttribute('data-component-name') ?? ''));
      const box = pre.getBoundingClientRect();
      // The box of every piece of text, line by line.
      const texts: DOMRect[] = [];
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        texts.push(...Array.from(range.getClientRects()).filter((r) => r.width > 0));
      }
      const b = button?.getBoundingClientRect();
      const overlaps = b ? texts.filter((t) => t.left < b.right && t.right > b.left && t.top < b.bottom && t.bottom > b.top).length : -1;
      return {
        text: pre.textContent ?? '',
        hiddenWidth: pre.scrollWidth - pre.clientWidth,
        beyondRightEdge: texts.filter((t) => t.right > box.right + 0.5).length,
        lines: new Set(texts.map((t) => Math.round(t.top))).size,
        overlaps,
      };
    });
    expect(layout.text).toContain('/ticket-types/');
    expect(layout.overlaps).toBe(0); // -1 would mean no copy button was found
    expect(layout.hiddenWidth).toBeLessThanOrEqual(0);
    expect(layout.beyondRightEdge).toBe(0);
    // The sample has four lines; wrapping the long URL makes more.
    expect(layout.lines).toBeGreaterThan(layout.text.split('\n').length);
  });

  it('"Open in Claude" and "Open in ChatGPT" point at the operation\'s own Markdown page, which exists', async () => {
    const opened: string[] = [];
    // The assistants are outside hosts: answered here, so no request leaves the machine.
    await browser.route(/^https:\/\/(claude\.ai|chatgpt\.com)\//, (route) => {
      opened.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'assistant' });
    });
    try {
      for (const [id, title, file] of [
        ['createCoupon', 'Create a coupon', 'llms/operations/createCoupon.md'],
        ['onCustomerCreated', 'Customer created', 'llms/webhooks/customer.created.md'],
      ] as const) {
        await page.goto(`${server.url}${linkTo(id)}`);
        const heading = page.locator('h1, h2').filter({ hasText: new RegExp(`^${title}`) }).first();
        await heading.waitFor({ timeout: 10_000 });
        for (const assistant of ['Open in Claude', 'Open in ChatGPT']) {
          await heading.locator('xpath=../..').locator('[data-testid="page-actions"] button').last().click();
          const popup = page.waitForEvent('popup');
          await page.getByRole('menuitem').filter({ hasText: assistant }).first().click();
          const tab = await popup;
          await tab.waitForURL(/^https:/, { timeout: 10_000 });
          const prompt = new URL(tab.url()).searchParams.get('q') ?? '';
          await tab.close();
          expect(prompt, assistant).toBe(`Read ${new URL(file, server.url).href} and answer questions about the POST ${id === 'createCoupon' ? '/v1/coupons' : 'customer.created'} operation.`);
        }
        const answer = await page.request.get(new URL(file, server.url).href);
        expect(answer.status()).toBe(200);
        expect(await answer.text()).toContain(`# ${title}\n`);
      }
      expect(opened.map((url) => new URL(url).host)).toEqual(['claude.ai', 'chatgpt.com', 'claude.ai', 'chatgpt.com']);
    } finally {
      await browser.unroute(/^https:\/\/(claude\.ai|chatgpt\.com)\//);
    }
  });

  it('serves llms.txt beside the site, linking pages that exist', async () => {
    const answer = await page.request.get(new URL('llms.txt', server.url).href);
    expect(answer.status()).toBe(200);
    const text = await answer.text();
    expect(text.startsWith('# Checkout Page API\n\n> ')).toBe(true);
    const links = [...text.matchAll(/\]\((llms\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(operations.length + webhooks.length);
    for (const link of links.slice(0, 5)) expect((await page.request.get(new URL(link, server.url).href)).status(), link).toBe(200);
  });

  // The Workflows guide, written by `npm run docs` from the Arazzo files: each workflow with its
  // numbered steps, every step link landing on its operation's section, and the Arazzo files
  // downloadable beside openapi.yaml, pointing at it.
  describe('the Workflows guide', () => {
    let files: ArazzoFile[];
    const links = operationLinks(bundle as never);
    const stepLinks = new Set<string>(); // every step's link, as the guide shows it
    beforeAll(async () => {
      files = await readArazzoFiles();
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
        const hrefs = await section.locator('ol > li a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        for (const href of hrefs) stepLinks.add(href);
      }
      expect(problems).toEqual([]);
      expect(files.reduce((n, f) => n + f.workflows.length, 0)).toBeGreaterThanOrEqual(10);
    }, 120_000);

    it('links each step to its operation: a route of the sidebar, and a click lands on it', async () => {
      // Every step link the guide shows (collected above) is the sidebar's route of its operation,
      // which 'shows a section for every operation and webhook' has opened.
      const expected = new Set(files.flatMap((f) => f.workflows.flatMap((w) => w.steps.flatMap((s) => (s.operation && links.has(s.operation) ? [links.get(s.operation)!.href] : [])))));
      expect(expected.size).toBeGreaterThan(10);
      expect([...stepLinks].sort()).toEqual([...expected].sort());
      expect([...stepLinks].filter((href) => !nav.has(href))).toEqual([]);

      // And one, clicked as a reader would, opens its operation.
      await page.goto(`${server.url}#/workflows`);
      const step = page.locator('ol > li a[href="#/coupons/createcoupon"]').first();
      await step.waitFor({ timeout: 20_000 });
      await step.click();
      await expect.poll(() => page.url()).toContain('#/coupons/createcoupon');
      await expect.poll(() => page.locator('h1, h2').filter({ hasText: /^Create a coupon$/ }).first().isVisible(), { timeout: 10_000 }).toBe(true);
    });

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

  it('logs no console error and makes no failed or outside request', () => {
    expect(problems).toEqual([]);
  });
});
