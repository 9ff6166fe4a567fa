/**
 * Frame rate: on a blank page (the baseline: what this browser on this machine gives at all) and on the explorer
 * with at least 2,000 moving marks on its canvas, counting requestAnimationFrame callbacks over wall time.
 */
import type { Browser } from '@playwright/test';
import { closeProbedPage, newProbedPage, PROBE_PATH } from './browser';
import { countFrames, type FrameCount, marksNow } from './probe';
import { progress } from './report';
import { type TracedWindow, traceOnPage } from './tracing';

export const MIN_MARKS = 2000;

export async function blankPageFps(browser: Browser, durationMs: number): Promise<FrameCount> {
  const page = await newProbedPage(browser);
  try {
    await page.setContent(
      '<!doctype html><html lang="en"><title>blank</title><body></body></html>',
    );
    await page.addScriptTag({ path: PROBE_PATH });
    return await countFrames(page, durationMs);
  } finally {
    await closeProbedPage(page);
  }
}

export interface MarksFps extends FrameCount {
  /** A short traced window right after the counted one: where the main thread's time goes on this page. */
  readonly traced: TracedWindow;
  /** Wall ms waited after load until data-marks first reached MIN_MARKS (or the wait gave up). */
  readonly waitedMs: number;
  readonly reachedMinMarks: boolean;
}

/**
 * Opens `url`, lets the run settle for `settleMs` (the first seconds of a run swing while the snapshot's mark
 * sampling finds its rate), waits (up to `maxWaitMs`) for the canvas to draw MIN_MARKS marks, then counts frames
 * for `durationMs`, reading data-marks in every frame; then traces `tracedMs` more (not counted: tracing costs).
 */
export async function marksFps(
  browser: Browser,
  url: string,
  settleMs: number,
  durationMs: number,
  maxWaitMs: number,
  tracedMs: number,
): Promise<MarksFps> {
  const page = await newProbedPage(browser);
  try {
    await page.goto(url);
    await page.locator('[data-marks]').first().waitFor({ state: 'attached', timeout: 20_000 });
    await page.waitForTimeout(settleMs);
    const started = Date.now();
    const reachedMinMarks = await page
      .waitForFunction(`(window.__kpeBench.marksNow() ?? 0) >= ${MIN_MARKS}`, null, {
        timeout: maxWaitMs,
        polling: 200,
      })
      .then(
        () => true,
        () => false,
      );
    const waitedMs = Date.now() - started;
    progress(
      `marks page: ${reachedMinMarks ? 'reached' : 'did not reach'} ${MIN_MARKS} marks after ` +
        `${(waitedMs / 1000).toFixed(1)} s (now ${await marksNow(page)}); counting frames`,
    );
    const counted = await countFrames(page, durationMs);
    const traced = await traceOnPage(browser, page, tracedMs, null);
    return { ...counted, traced, waitedMs, reachedMinMarks };
  } finally {
    await closeProbedPage(page);
  }
}
