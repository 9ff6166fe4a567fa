/**
 * On request (UI_BENCH_PROFILE=1): CPU profiles of the main thread on the two heavy pages, the 2,000-marks page and
 * the default scenario at maximum speed, each from a fresh page of an unminified build.
 */
import type { Browser } from '@playwright/test';
import { closeProbedPage, newProbedPage } from './browser';
import { openAtMaxSpeed } from './measureMaxSpeed';
import { type ProfileLine, profileMainThread, summarizeProfile } from './profile';

export interface PageProfile {
  readonly page: string;
  readonly lines: readonly ProfileLine[];
}

export async function profilePages(
  browser: Browser,
  pages: { readonly marksUrl: string; readonly maxSpeedUrl: string },
  warmUpMs: number,
  durationMs: number,
  top: number,
): Promise<PageProfile[]> {
  const marks = await newProbedPage(browser);
  await marks.goto(pages.marksUrl);
  await marks.waitForTimeout(warmUpMs);
  const marksProfile = await profileMainThread(marks, durationMs);
  await closeProbedPage(marks);

  const maxSpeed = await openAtMaxSpeed(browser, pages.maxSpeedUrl, warmUpMs);
  const maxSpeedProfile = await profileMainThread(maxSpeed, durationMs);
  await closeProbedPage(maxSpeed);
  return [
    { page: '2000-marks', lines: summarizeProfile(marksProfile, top) },
    { page: 'max-speed', lines: summarizeProfile(maxSpeedProfile, top) },
  ];
}
