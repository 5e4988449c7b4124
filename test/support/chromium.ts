// Debian's Chromium for the browser tests (npm tools never download a browser): where it is, whether
// it is there (a test without it is skipped with the reason, except in CI, where it fails), and a
// fresh profile started with the flags that keep it off this machine's closed network.
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { makeTempDir, removeTempDir } from '../../scripts/lib/temp.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL_HINT = 'install it with: apt-get install -y --no-install-recommends chromium fonts-liberation';

/** Whether Chromium is installed; throws in CI when it is not, else warns that `what` is skipped. */
export function haveChromium(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is required in CI for ${what} but ${CHROMIUM} is missing: ${INSTALL_HINT}`);
  console.warn(`Skipping ${what}: ${CHROMIUM} not found; ${INSTALL_HINT}`);
  return false;
}

export interface Chromium {
  browser: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Chromium on a new, empty profile (removed by close(), and at exit if a test stops before). */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<Chromium> {
  const profile = await makeTempDir('chromium');
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    ...options,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await removeTempDir(profile);
    },
  };
}
