/**
 * Chrome tracing of one page for a while, analysed by traceAnalysis.ts (main-thread busy and CPU time per frame),
 * with the long tasks the page saw meanwhile.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { longTasks, pageNow, type TimedEntry } from './probe';
import { analyzeFrames, type FrameAnalysis, parseTrace } from './traceAnalysis';

/** What DevTools' Performance panel records, minus screenshots and JS sampling (both costly). */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
];

export interface TracedWindow {
  readonly analysis: FrameAnalysis;
  readonly traceBytes: number;
  readonly longTasks: readonly TimedEntry[];
}

/**
 * Traces `page` for `windowMs` and analyses it. `savePath`: where to keep the raw trace (open it in DevTools'
 * Performance panel), or null.
 */
export async function traceOnPage(
  browser: Browser,
  page: Page,
  windowMs: number,
  savePath: string | null,
): Promise<TracedWindow> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  // Long tasks are read between start and stop only: flushing the trace buffer is not the page's work.
  const from = await pageNow(page);
  await page.waitForTimeout(windowMs);
  const to = await pageNow(page);
  const buffer = await browser.stopTracing();
  if (savePath !== null) writeFileSync(savePath, buffer);
  return {
    analysis: analyzeFrames(parseTrace(buffer.toString('utf8')), new URL(page.url()).origin),
    traceBytes: buffer.length,
    longTasks: await longTasks(page, from, to),
  };
}
