/**
 * The explorer at maximum speed: the worker produces a snapshot for every frame, so this is the main thread's
 * heaviest steady load. Two windows, each on a freshly loaded page (the run starts over, so it is still going):
 * - untraced: the client's `kpe:snapshot-apply` measures and long tasks, free of tracing's overhead;
 * - traced (Chrome tracing, devtools.timeline categories): main-thread busy time per frame (traceAnalysis.ts).
 */
import type { Browser, Page } from '@playwright/test';
import { closeProbedPage, newProbedPage } from './browser';
import { setSpeedToMax, slider } from './controls';
import { longTasks, pageNow, snapshotApplies, type TimedEntry } from './probe';
import { progress } from './report';
import { type TracedWindow, traceOnPage } from './tracing';

/** Opens `url`, waits for the controls, moves `speed` to its maximum and lets the page warm up. */
export async function openAtMaxSpeed(
  browser: Browser,
  url: string,
  warmUpMs: number,
): Promise<Page> {
  const page = await newProbedPage(browser);
  await page.goto(url);
  await slider(page, 'speed').waitFor({ timeout: 20_000 });
  const text = await setSpeedToMax(page);
  if (text !== 'max') progress(`speed slider at its end reads aria-valuetext=${text}, not "max"`);
  await page.waitForTimeout(warmUpMs);
  return page;
}

export interface UntracedWindow {
  readonly seconds: number;
  readonly snapshotApplies: readonly TimedEntry[];
  readonly longTasks: readonly TimedEntry[];
}

export async function untracedWindow(
  browser: Browser,
  url: string,
  warmUpMs: number,
  windowMs: number,
): Promise<UntracedWindow> {
  const page = await openAtMaxSpeed(browser, url, warmUpMs);
  try {
    const from = await pageNow(page);
    await page.waitForTimeout(windowMs);
    const to = await pageNow(page);
    return {
      seconds: (to - from) / 1000,
      snapshotApplies: await snapshotApplies(page, from, to),
      longTasks: await longTasks(page, from, to),
    };
  } finally {
    await closeProbedPage(page);
  }
}

export async function tracedWindow(
  browser: Browser,
  url: string,
  warmUpMs: number,
  windowMs: number,
  savePath: string | null,
): Promise<TracedWindow> {
  const page = await openAtMaxSpeed(browser, url, warmUpMs);
  try {
    return await traceOnPage(browser, page, windowMs, savePath);
  } finally {
    await closeProbedPage(page);
  }
}
