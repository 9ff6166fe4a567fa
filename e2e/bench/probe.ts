/**
 * Typed calls into the in-page probe (pageProbe.js). Each call is a string expression, so no function is
 * serialised from this (tsx-compiled) process into the page.
 */
import type { Page } from '@playwright/test';

export interface FrameCount {
  /** Animation frames counted after the first. */
  readonly frames: number;
  readonly seconds: number;
  readonly fps: number;
  /** Longest gap between two consecutive animation frames. */
  readonly maxGapMs: number;
  /** data-marks over the counted frames; null when the page has no [data-marks] element. */
  readonly marksMin: number | null;
  readonly marksMean: number | null;
}

/** A PerformanceEntry's timing, in the page's performance.now() timebase (ms). */
export interface TimedEntry {
  readonly startTime: number;
  readonly duration: number;
}

export interface NamedEntry extends TimedEntry {
  readonly name: string;
}

/** The page's performance.now(). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate<number>('window.__kpeBench.now()');
}

export function marksNow(page: Page): Promise<number | null> {
  return page.evaluate<number | null>('window.__kpeBench.marksNow()');
}

export function countFrames(page: Page, durationMs: number): Promise<FrameCount> {
  return page.evaluate<FrameCount>(`window.__kpeBench.countFrames(${durationMs})`);
}

/** Long tasks (≥ 50 ms, PerformanceObserver 'longtask') that started within [from, to]. */
export function longTasks(page: Page, from: number, to: number): Promise<TimedEntry[]> {
  return page.evaluate<TimedEntry[]>(`window.__kpeBench.longTasks(${from}, ${to})`);
}

/** The client's `kpe:snapshot-apply` measures that started within [from, to]. */
export function snapshotApplies(page: Page, from: number, to: number): Promise<TimedEntry[]> {
  return page.evaluate<TimedEntry[]>(`window.__kpeBench.snapshotApplies(${from}, ${to})`);
}

/** Event Timing entries of 16 ms or more within [from, to]. */
export function slowEvents(page: Page, from: number, to: number): Promise<NamedEntry[]> {
  return page.evaluate<NamedEntry[]>(`window.__kpeBench.slowEvents(${from}, ${to})`);
}

export function startInputToPaint(page: Page): Promise<void> {
  return page.evaluate<void>('window.__kpeBench.startInputToPaint()');
}

/** Key press → next paint latencies (ms) recorded since startInputToPaint. */
export function stopInputToPaint(page: Page): Promise<number[]> {
  return page.evaluate<number[]>('window.__kpeBench.stopInputToPaint()');
}
