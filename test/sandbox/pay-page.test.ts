// The hosted pay page (GET /_sandbox/pay/{slug}?key=KEY) clicked through in Debian's Chromium, as a
// developer would: Pay makes the purchase in the key's store and its webhooks reach a receiver
// that verifies each one; Fail leaves a failed payment. The page makes no outside request.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckoutPageClient } from '../../src/index.ts';
import { createSandbox, type Sandbox, type SandboxServer } from '../../src/sandbox/index.ts';
import { PURCHASE_EVENTS, startReceiver, type Receiver } from './receiver.ts';
import { API_KEY, checking } from './support.ts';
import { haveChromium, launchChromium, type Chromium } from '../support/chromium.ts';

const chromiumHere = haveChromium('the pay page browser test');

describe.skipIf(!chromiumHere)('the hosted pay page in Chromium', () => {
  let sandbox: Sandbox;
  let server: SandboxServer;
  let receiver: Receiver;
  let browser: BrowserContext;
  let page: Page;
  let chrome: Chromium;
  const problems: string[] = [];
  const checked = checking(globalThis.fetch);
  const client = () => createCheckoutPageClient({ apiKey: API_KEY, baseUrl: server.url, fetch: checked.fetch, maxRetries: 0 });

  beforeAll(async () => {
    // Within the conference pass's sale window.
    sandbox = createSandbox({ now: () => Date.parse('2026-05-01T10:00:00.000Z'), webhookRetryDelaysMs: [] });
    server = await sandbox.listen(0);
    receiver = await startReceiver();
    receiver.secret = (await client().webhooks.create({ name: 'Pay page', url: receiver.url, events: [...PURCHASE_EVENTS] })).secret;
    chrome = await launchChromium();
    browser = chrome.browser;
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => !request.url().startsWith(server.url) && problems.push(`outside request: ${request.url()}`));
  }, 60_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await receiver?.close();
  });

  it('Pay buys two tickets of an event: the booking, the tickets and the verified deliveries follow', async () => {
    await page.goto(`${server.url}/_sandbox/pay/lisbon-product-summit-2026?key=${API_KEY}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Lisbon Product Summit 2026');
    await page.getByLabel('Conference pass').check();
    await page.getByLabel('Quantity').fill('2');
    await page.getByLabel('Email').fill('browser@example.com');
    await page.getByLabel('Name').fill('Bea Browser');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.locator('output[data-status="paid"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('output').textContent()).toMatch(/Tickets: [A-Z2-9]{8}, [A-Z2-9]{8}/);

    const bookings = (await client().bookings.list({ search: 'browser@example.com' })).data;
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({ status: 'paid', amount: 24500, customerName: 'Bea Browser' });
    expect((await client().tickets.list({ orderId: bookings[0]!.orderId! })).data).toHaveLength(2);
    await sandbox.webhooksSettled();
    expect(receiver.problems).toEqual([]);
    expect(receiver.events.map((e) => e.event)).toEqual([
      'customer.created', 'payment.created', 'booking.created', 'ticket.created', 'ticket.created', 'payment.paid', 'booking.paid',
    ]);
  }, 60_000);

  it('Fail leaves a failed payment, and a refusal is shown with its reason', async () => {
    receiver.events.length = 0;
    await page.goto(`${server.url}/_sandbox/pay/brand-strategy-workshop?key=${API_KEY}`);
    await page.getByLabel('Email').fill('declined@example.com');
    await page.getByRole('button', { name: 'Fail' }).click();
    await page.locator('output[data-status="failed"]').waitFor({ timeout: 30_000 });
    const payments = (await client().payments.list({ search: 'declined@example.com' })).data;
    expect(payments.map((p) => p.status)).toEqual(['failed']);
    await sandbox.webhooksSettled();
    expect(receiver.events.map((e) => e.event)).toEqual(['customer.created', 'payment.created', 'payment.abandoned']);

    await page.getByLabel('Coupon code').fill('NOPE');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.locator('output', { hasText: 'Refused (400)' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('output').textContent()).toContain('couponCode is not a coupon of this store');
    expect(problems.filter((p) => !p.includes('400 (Bad Request)'))).toEqual([]);
    expect(checked.problems).toEqual([]);
  }, 60_000);

  it('Submit sends a form’s answers, choices picked from the field’s options', async () => {
    await page.goto(`${server.url}/_sandbox/pay/free-brand-audit?key=${API_KEY}`);
    await page.getByLabel('Full name').fill('Fern Form');
    await page.getByLabel('What do you need help with?').selectOption('messaging');
    await page.getByLabel('Email').fill('form@example.com');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator('output[data-status="submitted"]').waitFor({ timeout: 30_000 });
    const [submission] = (await client().submissions.list({ search: 'form@example.com' })).data;
    expect(submission?.fields?.find((f) => f.fieldId === '6630b6f3c4e8a91d2f7b3a64')?.value).toBe('messaging');
  }, 60_000);

  it('answers 404 for an unknown slug, and 401 without the key that names the store', async () => {
    expect((await fetch(`${server.url}/_sandbox/pay/no-such-page?key=${API_KEY}`)).status).toBe(404);
    expect((await fetch(`${server.url}/_sandbox/pay/free-brand-audit`)).status).toBe(401);
  });
});
