// @vitest-environment node
/**
 * Busy time per frame from a Chrome trace. The traces here are small hand-made ones in Chrome's format (as
 * recorded by Chromium 156), so each case's answer can be worked out by hand.
 */
import { expect, test } from 'vitest';
import {
  analyzeFrames,
  busyPerFrame,
  findRendererMain,
  type TraceEvent,
  topLevelTasks,
} from './traceAnalysis';
import { breakdown } from './traceBreakdown';

const PAGE = 10;
const OTHER = 20;
const MAIN = 1;
const COMPOSITOR = 2;

function threadName(pid: number, tid: number, name: string): TraceEvent {
  return { name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } };
}

/** A main-thread event; `cpu` is its thread duration (µs), the wall duration when not given. */
function task(pid: number, ts: number, dur: number, name = 'RunTask', cpu = dur): TraceEvent {
  return { name, ph: 'X', ts, dur, tdur: cpu, pid, tid: MAIN };
}

function beginFrame(pid: number, ts: number): TraceEvent {
  return { name: 'BeginFrame', ph: 'I', ts, pid, tid: COMPOSITOR };
}

const started: TraceEvent = {
  name: 'TracingStartedInBrowser',
  ph: 'I',
  ts: 0,
  pid: 1,
  tid: 1,
  args: { data: { frames: [{ processId: PAGE, url: 'http://127.0.0.1:4000/?duration.ms=1' }] } },
};

const metadata = [
  threadName(PAGE, MAIN, 'CrRendererMain'),
  threadName(PAGE, COMPOSITOR, 'Compositor'),
  threadName(OTHER, MAIN, 'CrRendererMain'),
  threadName(OTHER, COMPOSITOR, 'Compositor'),
];

test('the page is found by its URL even when another renderer is busier', () => {
  const tasks = [task(OTHER, 0, 50_000), task(PAGE, 0, 1_000)];
  expect(findRendererMain([...metadata, started, ...tasks], 'http://127.0.0.1:4000')).toEqual({
    pid: PAGE,
    tid: MAIN,
  });
  // Without the browser's list of frames, the busiest renderer main thread is taken.
  expect(findRendererMain([...metadata, ...tasks], 'http://127.0.0.1:4000')).toEqual({
    pid: OTHER,
    tid: MAIN,
  });
});

test('nested tasks are part of their outer task, so nothing is counted twice', () => {
  const events = [
    task(PAGE, 0, 10, 'RunTask', 4),
    task(PAGE, 2, 3, 'RunTask', 3),
    task(PAGE, 8, 6, 'RunTask', 2),
    task(PAGE, 20, 1),
  ];
  expect(topLevelTasks(events, { pid: PAGE, tid: MAIN })).toEqual([
    { start: 0, end: 14, cpu: 6 },
    { start: 20, end: 21, cpu: 1 },
  ]);
});

test('a task that spans a frame boundary is split between the two frames, its CPU time too', () => {
  // Frames start at 0, 16 and 32 ms; one task runs 10–20 ms on 5 ms of CPU, another 24–26 ms.
  const busy = busyPerFrame(
    [
      { start: 10_000, end: 20_000, cpu: 5_000 },
      { start: 24_000, end: 26_000, cpu: 2_000 },
    ],
    [0, 16_000, 32_000],
  );
  expect(busy).toEqual([
    { wallMs: 6, cpuMs: 3 },
    { wallMs: 6, cpuMs: 4 },
  ]);
  expect(busyPerFrame([{ start: 0, end: 1, cpu: 1 }], [5])).toEqual([]);
});

test('frames are the page compositor’s BeginFrames; the other renderer’s work does not count', () => {
  const events = [
    ...metadata,
    started,
    beginFrame(PAGE, 0),
    beginFrame(PAGE, 16_667),
    beginFrame(PAGE, 33_333),
    beginFrame(OTHER, 5_000),
    task(PAGE, 1_000, 3_000),
    task(PAGE, 20_000, 9_000, 'RunTask', 3_000),
    task(OTHER, 0, 30_000),
  ];
  const analysis = analyzeFrames(events, 'http://127.0.0.1:4000');
  expect(analysis.frameSource).toBe('BeginFrame');
  expect(analysis.frames).toEqual([
    { wallMs: 3, cpuMs: 3 },
    { wallMs: 9, cpuMs: 3 },
  ]);
  expect(analysis.workerCpuPerSecondMs).toBeNaN();
});

test('the page’s worker: its CPU ms per wall second over the frames', () => {
  const WORKER = 3;
  const events = [
    ...metadata,
    threadName(PAGE, WORKER, 'DedicatedWorker thread'),
    started,
    beginFrame(PAGE, 0),
    beginFrame(PAGE, 500_000),
    beginFrame(PAGE, 1_000_000),
    { ...task(PAGE, 100_000, 400_000, 'RunTask', 300_000), tid: WORKER },
    { ...task(PAGE, 600_000, 100_000, 'RunTask', 100_000), tid: WORKER },
  ];
  expect(analyzeFrames(events, 'http://127.0.0.1:4000').workerCpuPerSecondMs).toBeCloseTo(400, 9);
});

test('without BeginFrame events the main thread’s BeginMainThreadFrame instants are the frames', () => {
  const mainFrame = (ts: number): TraceEvent => ({
    name: 'BeginMainThreadFrame',
    ph: 'I',
    ts,
    pid: PAGE,
    tid: MAIN,
  });
  const events = [...metadata, started, mainFrame(0), mainFrame(40_000), task(PAGE, 0, 25_000)];
  const analysis = analyzeFrames(events, 'http://127.0.0.1:4000');
  expect(analysis.frameSource).toBe('BeginMainThreadFrame');
  expect(analysis.frames).toEqual([{ wallMs: 25, cpuMs: 25 }]);
});

test('the breakdown sums self time by kind; unnamed children take their parent’s kind', () => {
  const events = [
    task(PAGE, 0, 10_000),
    task(PAGE, 1_000, 6_000, 'FunctionCall'),
    task(PAGE, 2_000, 1_000, 'MinorGC'),
    task(PAGE, 4_000, 1_000, 'V8.BytecodeBudgetInterrupt'),
    task(PAGE, 7_000, 2_000, 'Paint'),
  ];
  expect(breakdown(events, { pid: PAGE, tid: MAIN }, 0, 20_000)).toEqual({
    scripting: 5,
    gc: 1,
    styleLayout: 0,
    paint: 2,
    other: 2,
  });
});
