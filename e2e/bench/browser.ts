/**
 * The benchmark's Chromium: Debian's /usr/bin/chromium (CHROMIUM_PATH overrides) with the flags the e2e tests use,
 * and pages at 1280×720 with the in-page probe (pageProbe.js) installed before the app's scripts.
 */
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../chromium';

export const VIEWPORT = { width: 1280, height: 720 } as const;
export const PROBE_PATH = join(import.meta.dirname, 'pageProbe.js');

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/** A fresh page (own context, so no state leaks between measurements) with the probe installed. */
export async function newProbedPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ path: PROBE_PATH });
  return context.newPage();
}

/** Closes a page from newProbedPage, and its context (which ends the page's worker too). */
export async function closeProbedPage(page: Page): Promise<void> {
  await page.context().close();
}
