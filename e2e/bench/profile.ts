/**
 * Where the main thread's time goes, by function: a V8 CPU profile of the page (CDP Profiler, sampling every
 * 200 µs) summarised as self time per function. Only run on request (UI_BENCH_PROFILE=1), on an unminified build,
 * so the names are the source's.
 */
import type { Page } from '@playwright/test';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
}

/** The parts of a DevTools Protocol Profiler.Profile this reads. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  /** µs since the previous sample. */
  readonly timeDeltas?: readonly number[];
}

export interface ProfileLine {
  /** `function file:line`, or V8's own label such as (garbage collector). */
  readonly where: string;
  readonly selfMs: number;
  /** Share of the non-idle samples. */
  readonly share: number;
}

function label(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '') return name;
  const file = frame.url.split(/[?#]/)[0].split('/').pop();
  return `${name} ${file}:${frame.lineNumber + 1}`;
}

/** Self time per function, largest first, idle excluded. */
export function summarizeProfile(profile: CpuProfile, top: number): ProfileLine[] {
  const labels = new Map<number, string>();
  for (const node of profile.nodes) labels.set(node.id, label(node.callFrame));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const selfUs = new Map<string, number>();
  let busyUs = 0;
  // A sample stands for the time until the next one.
  for (let i = 0; i < samples.length; i++) {
    const where = labels.get(samples[i]) ?? '(unknown)';
    if (where === '(idle)') continue;
    const us = deltas[i + 1] ?? 0;
    selfUs.set(where, (selfUs.get(where) ?? 0) + us);
    busyUs += us;
  }
  return [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, us]) => ({ where, selfMs: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }));
}

export async function profileMainThread(page: Page, durationMs: number): Promise<CpuProfile> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.waitForTimeout(durationMs);
    const { profile } = await cdp.send('Profiler.stop');
    return profile as CpuProfile;
  } finally {
    await cdp.detach();
  }
}
