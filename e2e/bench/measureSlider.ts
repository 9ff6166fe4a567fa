/**
 * The `linger.ms` slider under load (the page at maximum speed): mouse drags, then single arrow-key changes, each
 * timed from the key press to the next paint (pageProbe.js says how). Long tasks are collected over all of it.
 */
import type { Browser } from '@playwright/test';
import { closeProbedPage } from './browser';
import { dragSlider, slider, sliderValue } from './controls';
import { openAtMaxSpeed } from './measureMaxSpeed';
import {
  longTasks,
  type NamedEntry,
  pageNow,
  slowEvents,
  startInputToPaint,
  stopInputToPaint,
  type TimedEntry,
} from './probe';

export interface SliderResult {
  /** One latency (ms) per arrow-key press that changed the slider's value. */
  readonly inputToPaintMs: readonly number[];
  /** Presses that left the value unchanged (not timed). */
  readonly unchangedPresses: number;
  readonly longTasks: readonly TimedEntry[];
  /** Event Timing entries ≥ 16 ms during the key presses: the browser's own view, as a cross-check. */
  readonly slowEvents: readonly NamedEntry[];
}

/** Wall ms between key presses, so each press's paint (and the restart it may cause) is its own. */
const PRESS_INTERVAL_MS = 300;

export async function measureSlider(
  browser: Browser,
  url: string,
  warmUpMs: number,
  drags: number,
  presses: readonly string[],
): Promise<SliderResult> {
  const page = await openAtMaxSpeed(browser, url, warmUpMs);
  try {
    const linger = slider(page, 'linger.ms');
    await linger.scrollIntoViewIfNeeded();
    const from = await pageNow(page);
    for (let i = 0; i < drags; i++) await dragSlider(page, linger, 0.2, 0.8, 40);

    await linger.focus();
    const keysFrom = await pageNow(page);
    const inputToPaintMs: number[] = [];
    let unchangedPresses = 0;
    for (const key of presses) {
      const before = await sliderValue(linger);
      await startInputToPaint(page);
      await page.keyboard.press(key);
      await page.waitForTimeout(PRESS_INTERVAL_MS);
      const latencies = await stopInputToPaint(page);
      if ((await sliderValue(linger)) === before || latencies.length === 0) unchangedPresses++;
      else inputToPaintMs.push(latencies[0]);
    }
    const to = await pageNow(page);
    return {
      inputToPaintMs,
      unchangedPresses,
      longTasks: await longTasks(page, from, to),
      slowEvents: await slowEvents(page, keysFrom, to),
    };
  } finally {
    await closeProbedPage(page);
  }
}
