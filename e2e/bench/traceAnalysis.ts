/**
 * Reads a Chrome trace (browser.startTracing with the devtools.timeline categories) and computes the renderer main
 * thread's busy time per frame, plus where that time went, as DevTools' Performance panel groups it.
 *
 * Method: frames are the page compositor's `BeginFrame` events (one per vsync while the page animates, so each
 * frame interval is a 16.7 ms budget at 60 Hz). A frame's busy time is the part of the main thread's top-level
 * tasks (`RunTask`, the scheduler's unit of work: message handlers, rAF callbacks, style, layout, paint, GC) that
 * falls inside its interval; a task that spans a boundary is split between the two frames. Nested tasks are merged,
 * so nothing is counted twice. Without BeginFrame events (another Chrome), the main thread's
 * `BeginMainThreadFrame` instants stand in.
 *
 * Busy time is wall time: what the goal is about (the thread cannot answer input or draw). Beside it, each frame's
 * CPU time (the tasks' thread durations): the page's own cost, which other processes on a shared machine do not
 * inflate. Where the two differ a lot, the thread was waiting for a core.
 */

import { breakdown, type WorkKind } from './traceBreakdown';

export interface TraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ph: string;
  /** Microseconds. */
  readonly ts: number;
  /** Microseconds (complete events, ph 'X'). */
  readonly dur?: number;
  /** CPU microseconds of the thread during the event (thread duration). */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: unknown };
}

export interface ThreadId {
  readonly pid: number;
  readonly tid: number;
}

export interface FrameAnalysis {
  /** The main thread's busy time in each frame interval, in time order. */
  readonly frames: readonly FrameBusy[];
  /** CPU ms per wall second of the page's worker thread(s), over the same intervals (NaN without a worker). */
  readonly workerCpuPerSecondMs: number;
  /** Milliseconds of main-thread self time by kind of work, over all frame intervals. */
  readonly breakdownMs: Readonly<Record<WorkKind, number>>;
  /** Where the frame boundaries came from. */
  readonly frameSource: 'BeginFrame' | 'BeginMainThreadFrame' | 'none';
}

export function parseTrace(json: string): TraceEvent[] {
  const parsed = JSON.parse(json) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

function threadNames(events: readonly TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) {
      names.set(`${e.pid}:${e.tid}`, e.args.name);
    }
  }
  return names;
}

function threadsNamed(events: readonly TraceEvent[], pid: number, name: string): ThreadId[] {
  const found: ThreadId[] = [];
  for (const [key, threadName] of threadNames(events)) {
    const [p, t] = key.split(':').map(Number);
    if (p === pid && threadName === name) found.push({ pid: p, tid: t });
  }
  return found;
}

function findThread(events: readonly TraceEvent[], pid: number, name: string): ThreadId | null {
  return threadsNamed(events, pid, name)[0] ?? null;
}

interface TracedFrame {
  readonly processId?: number;
  readonly url?: string;
  readonly parent?: string;
}

/**
 * The main thread of the renderer showing `urlPrefix`: the process DevTools names in TracingStartedInBrowser,
 * else the busiest CrRendererMain (a page with its worker and nothing else open).
 */
export function findRendererMain(
  events: readonly TraceEvent[],
  urlPrefix: string,
): ThreadId | null {
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser') continue;
    const frames = (e.args?.data as { frames?: TracedFrame[] } | undefined)?.frames ?? [];
    const frame = frames.find((f) => !f.parent && f.url?.startsWith(urlPrefix));
    if (frame?.processId !== undefined) {
      const main = findThread(events, frame.processId, 'CrRendererMain');
      if (main) return main;
    }
  }
  const busy = new Map<string, number>();
  const names = threadNames(events);
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'RunTask' && names.get(key) === 'CrRendererMain') {
      busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
    }
  }
  const best = [...busy].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const [pid, tid] = best[0].split(':').map(Number);
  return { pid, tid };
}

/** Frame start times (µs), ascending. */
export function frameStarts(
  events: readonly TraceEvent[],
  main: ThreadId,
): { starts: number[]; source: FrameAnalysis['frameSource'] } {
  const compositor = findThread(events, main.pid, 'Compositor');
  const onThread = (t: ThreadId | null, name: string) =>
    t === null
      ? []
      : events
          .filter((e) => e.name === name && e.pid === t.pid && e.tid === t.tid)
          .map((e) => e.ts)
          .sort((a, b) => a - b);
  const begin = onThread(compositor, 'BeginFrame');
  if (begin.length >= 2) return { starts: begin, source: 'BeginFrame' };
  const mainFrames = onThread(main, 'BeginMainThreadFrame');
  if (mainFrames.length >= 2) return { starts: mainFrames, source: 'BeginMainThreadFrame' };
  return { starts: [], source: 'none' };
}

/**
 * A top-level task: wall time [start, end) in µs, and the CPU time (µs) the thread itself spent in it (the trace's
 * thread duration; NaN when the trace has none). On a loaded machine the two differ: the rest is time the thread
 * was inside the task but waiting for a core.
 */
export interface Task {
  readonly start: number;
  readonly end: number;
  readonly cpu: number;
}

/** The thread's top-level tasks, disjoint and ascending; a task inside another is part of it. */
export function topLevelTasks(events: readonly TraceEvent[], thread: ThreadId): Task[] {
  const tasks = events
    .filter(
      (e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === thread.pid && e.tid === thread.tid,
    )
    .map((e) => ({ start: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? Number.NaN }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; cpu: number }[] = [];
  for (const task of tasks) {
    const last = merged[merged.length - 1];
    if (last && task.start < last.end) {
      // Nested: already in the outer task's times. Overlapping without nesting (not seen in practice): joined.
      if (task.end > last.end) {
        last.end = task.end;
        last.cpu += task.cpu;
      }
    } else {
      merged.push({ ...task });
    }
  }
  return merged;
}

export interface FrameBusy {
  /** Wall ms the main thread was inside a task during the frame interval. */
  readonly wallMs: number;
  /** CPU ms the main thread used in those tasks (a task's CPU is shared out by its wall overlap). */
  readonly cpuMs: number;
}

/** Busy time of `tasks` inside each frame interval [starts[i], starts[i+1]). Both inputs ascending. */
export function busyPerFrame(tasks: readonly Task[], starts: readonly number[]): FrameBusy[] {
  const busy: FrameBusy[] = [];
  let first = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    const from = starts[i];
    const to = starts[i + 1];
    while (first < tasks.length && tasks[first].end <= from) first++;
    let wall = 0;
    let cpu = 0;
    for (let j = first; j < tasks.length && tasks[j].start < to; j++) {
      const task = tasks[j];
      const overlap = Math.min(to, task.end) - Math.max(from, task.start);
      wall += overlap;
      cpu += task.end > task.start ? (task.cpu * overlap) / (task.end - task.start) : 0;
    }
    busy.push({ wallMs: wall / 1000, cpuMs: cpu / 1000 });
  }
  return busy;
}

/** CPU ms per wall second the thread spent in top-level tasks that started within [from, to) µs. */
export function cpuPerSecond(
  events: readonly TraceEvent[],
  thread: ThreadId,
  from: number,
  to: number,
): number {
  let cpu = 0;
  for (const task of topLevelTasks(events, thread)) {
    if (task.start >= from && task.start < to) cpu += task.cpu;
  }
  return to > from ? cpu / 1000 / ((to - from) / 1e6) : Number.NaN;
}

export function analyzeFrames(events: readonly TraceEvent[], urlPrefix: string): FrameAnalysis {
  const main = findRendererMain(events, urlPrefix);
  const empty = { scripting: 0, gc: 0, styleLayout: 0, paint: 0, other: 0 };
  const none = { frames: [], workerCpuPerSecondMs: Number.NaN, breakdownMs: empty };
  if (!main) return { ...none, frameSource: 'none' };
  const { starts, source } = frameStarts(events, main);
  if (starts.length < 2) return { ...none, frameSource: source };
  const from = starts[0];
  const to = starts[starts.length - 1];
  const workers = threadsNamed(events, main.pid, 'DedicatedWorker thread');
  return {
    frames: busyPerFrame(topLevelTasks(events, main), starts),
    workerCpuPerSecondMs:
      workers.length === 0
        ? Number.NaN
        : workers.reduce((sum, w) => sum + cpuPerSecond(events, w, from, to), 0),
    breakdownMs: breakdown(events, main, from, to),
    frameSource: source,
  };
}
