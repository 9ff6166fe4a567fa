/**
 * `npm run bench:ui`: the explorer page's performance in headless Chromium at 1280×720, printed as `name: value`
 * lines with a `# goal` line after each goal (README.md in this folder explains every line). A benchmark, not a
 * test: it asserts nothing and exits 0 unless the harness itself fails (a section that cannot run prints
 * `# error …` and makes the exit status 1). Wall-clock figures stand beside a baseline measured in the same run
 * (rAF on a blank page), because this machine is shared and noisy.
 *
 * Environment: CHROMIUM_PATH (browser), UI_BENCH_DIST (bench an existing build folder instead of building),
 * UI_BENCH_MARKS_QUERY (the scenario of the 2,000-marks test), UI_BENCH_TRACE (save the max-speed trace there),
 * UI_BENCH_PROFILE=1 (also print the main thread's busiest functions, from an unminified build).
 */
import { availableParallelism, loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { launchChromium } from './browser';
import { buildApp, removeBuild, type Served, serveBuild } from './buildAndServe';
import { measureBundle } from './bundleSize';
import { blankPageFps, MIN_MARKS, marksFps } from './measureFps';
import { tracedWindow, untracedWindow } from './measureMaxSpeed';
import { profilePages } from './measureProfile';
import { measureSlider } from './measureSlider';
import { comment, line, progress, withGoal } from './report';
import { median, percentile } from './stats';
import type { TracedWindow } from './tracing';

/**
 * ≥ 2,000 marks at once: 25,000 records/s whose requests take 50 ms there and back. The snapshot keeps at most 3,000
 * marks (sampling beyond), so a higher rate would not draw more, only sample sparser; a slow network keeps many
 * records on their way without making the worker's work heavy. 600 s, so the run does not end during the window.
 */
const MARKS_QUERY =
  process.env.UI_BENCH_MARKS_QUERY ??
  'throughput=25000&net.latency.ms=25&partitions=12&duration.ms=600000';
/**
 * The default scenario, lengthened to the longest run allowed: at maximum speed the default 10 s of simulated time
 * is over in a fraction of a second, and a finished run would measure an idle page.
 */
const MAX_SPEED_QUERY = 'duration.ms=600000';
const BASELINE_MS = 4_000;
const MARKS_WINDOW_MS = 20_000;
const MARKS_SETTLE_MS = 4_000;
const MARKS_MAX_WAIT_MS = 10_000;
const MARKS_TRACED_MS = 4_000;
const WARM_UP_MS = 1_000;
const UNTRACED_WINDOW_MS = 5_000;
const TRACED_WINDOW_MS = 5_000;
const PROFILE_MS = 5_000;
const DRAGS = 2;
const PRESSES = [...Array(5).fill('ArrowRight'), ...Array(5).fill('ArrowLeft')] as string[];

const KEY_EVENTS = new Set(['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'change']);

let failed = false;

/** Runs one part of the benchmark; a failure is reported and the others still run. */
async function section(name: string, run: () => Promise<void>): Promise<void> {
  try {
    progress(name);
    await run();
  } catch (error) {
    failed = true;
    comment(`error in ${name}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
}

/** Kilobytes of 1000 bytes, as Vite reports sizes. */
const kb = (bytes: number) => bytes / 1000;

/** Where a traced window's main-thread time went, per frame. */
function breakdownComment({ analysis }: TracedWindow): void {
  const { frames, breakdownMs: ms, frameSource } = analysis;
  const perFrame = (total: number) =>
    (frames.length > 0 ? total / frames.length : Number.NaN).toFixed(2);
  comment(
    `main thread wall ms per frame (${frames.length} ${frameSource} intervals): ` +
      `scripting ${perFrame(ms.scripting)}, gc ${perFrame(ms.gc)}, ` +
      `style+layout ${perFrame(ms.styleLayout)}, paint+commit ${perFrame(ms.paint)}, other ${perFrame(ms.other)}`,
  );
}

async function pageSections(browser: Browser, origin: string): Promise<void> {
  let baselineFps = Number.NaN;
  await section('blank-page baseline', async () => {
    baselineFps = (await blankPageFps(browser, BASELINE_MS)).fps;
    line('ui-fps-baseline-blank-page', baselineFps);
  });

  await section(`${MIN_MARKS} marks`, async () => {
    const result = await marksFps(
      browser,
      `${origin}/?${MARKS_QUERY}`,
      MARKS_SETTLE_MS,
      MARKS_WINDOW_MS,
      MARKS_MAX_WAIT_MS,
      MARKS_TRACED_MS,
    );
    withGoal('ui-fps-2000-marks', result.fps, 1, '>=', 55);
    line('ui-fps-2000-marks-ratio', result.fps / baselineFps, 3);
    line('ui-fps-2000-marks-min-marks', result.marksMin ?? Number.NaN, 0);
    line('ui-fps-2000-marks-mean-marks', result.marksMean ?? Number.NaN, 0);
    line('ui-fps-2000-marks-max-frame-gap-ms', result.maxGapMs, 1);
    const frames = result.traced.analysis.frames;
    const wall = frames.map((f) => f.wallMs);
    const cpu = frames.map((f) => f.cpuMs);
    line('ui-fps-2000-marks-main-busy-p95-ms', percentile(wall, 95), 2);
    line('ui-fps-2000-marks-main-cpu-p95-ms', percentile(cpu, 95), 2);
    breakdownComment(result.traced);
    if ((result.marksMin ?? 0) < MIN_MARKS) {
      comment(`fewer than ${MIN_MARKS} marks during part of the window (scenario: ${MARKS_QUERY})`);
    }
  });

  const maxSpeedUrl = `${origin}/?${MAX_SPEED_QUERY}`;
  let maxSpeedLongTasks = Number.NaN;
  let maxSpeedLongestMs = 0;
  await section('max speed, untraced', async () => {
    const window = await untracedWindow(browser, maxSpeedUrl, WARM_UP_MS, UNTRACED_WINDOW_MS);
    const applies = window.snapshotApplies.map((e) => e.duration);
    withGoal('ui-snapshot-p95-ms', percentile(applies, 95), 2, '<=', 1);
    line('ui-snapshot-median-ms', median(applies), 2);
    line('ui-snapshots-per-second', applies.length / window.seconds, 1);
    maxSpeedLongTasks = window.longTasks.length;
    maxSpeedLongestMs = Math.max(0, ...window.longTasks.map((e) => e.duration));
  });

  await section('max speed, traced', async () => {
    const savePath = process.env.UI_BENCH_TRACE ?? null;
    const window = await tracedWindow(browser, maxSpeedUrl, WARM_UP_MS, TRACED_WINDOW_MS, savePath);
    const { frames, workerCpuPerSecondMs } = window.analysis;
    const wall = frames.map((f) => f.wallMs);
    const cpu = frames.map((f) => f.cpuMs);
    withGoal('ui-main-busy-p95-ms', percentile(wall, 95), 2, '<=', 8);
    line('ui-main-busy-median-ms', median(wall), 2);
    line('ui-main-busy-frames', frames.length, 0);
    line('ui-main-cpu-p95-ms', percentile(cpu, 95), 2);
    line('ui-main-cpu-median-ms', median(cpu), 2);
    line('ui-worker-cpu-ms-per-second', workerCpuPerSecondMs, 0);
    line('ui-long-tasks-traced-window', window.longTasks.length, 0);
    breakdownComment(window);
    if (savePath !== null) {
      comment(`trace saved to ${savePath} (${kb(window.traceBytes).toFixed(0)} kB)`);
    }
  });

  await section('linger.ms slider', async () => {
    const result = await measureSlider(browser, maxSpeedUrl, WARM_UP_MS, DRAGS, PRESSES);
    const sliderLongTasks = result.longTasks.length;
    const longest = Math.max(maxSpeedLongestMs, ...result.longTasks.map((e) => e.duration));
    withGoal('ui-long-tasks', maxSpeedLongTasks + sliderLongTasks, 0, '<=', 0);
    line('ui-long-tasks-max-speed', maxSpeedLongTasks, 0);
    line('ui-long-tasks-slider', sliderLongTasks, 0);
    line('ui-long-task-max-ms', longest, 0);
    withGoal('ui-input-to-paint-ms', median(result.inputToPaintMs), 1, '<=', 50);
    line('ui-input-to-paint-p95-ms', percentile(result.inputToPaintMs, 95), 1);
    line('ui-input-to-paint-changes', result.inputToPaintMs.length, 0);
    // Event Timing measures to the frame's presentation but reports only events of 16 ms or more.
    const keyEvents = result.slowEvents.filter((e) => KEY_EVENTS.has(e.name));
    line('ui-input-event-timing-over-16ms', keyEvents.length, 0);
    line('ui-input-event-timing-max-ms', Math.max(0, ...keyEvents.map((e) => e.duration)), 0);
    if (result.unchangedPresses > 0) {
      comment(
        `${result.unchangedPresses} of ${PRESSES.length} key presses did not change linger.ms`,
      );
    }
  });
}

async function profileSection(browser: Browser): Promise<void> {
  await section('profile (unminified build)', async () => {
    const outDir = await buildApp(false);
    const server = await serveBuild(outDir);
    try {
      const urls = {
        marksUrl: `${server.origin}/?${MARKS_QUERY}`,
        maxSpeedUrl: `${server.origin}/?${MAX_SPEED_QUERY}`,
      };
      const profiles = await profilePages(browser, urls, MARKS_SETTLE_MS, PROFILE_MS, 20);
      comment(
        `main-thread self time per function over ${PROFILE_MS / 1000} s; (program) is the browser's ` +
          'native work outside JavaScript (style, layout, paint, bindings)',
      );
      for (const { page, lines } of profiles) {
        for (const p of lines) {
          const share = (p.share * 100).toFixed(1).padStart(5);
          comment(`profile ${page} ${p.selfMs.toFixed(0).padStart(5)} ms ${share}%  ${p.where}`);
        }
      }
    } finally {
      await server.close();
      removeBuild(outDir);
    }
  });
}

/** Other work on the machine slows every wall-clock figure: say how busy it was. */
function machineLoad(when: string): void {
  comment(
    `machine ${when}: ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} (1 min)`,
  );
}

async function main(): Promise<void> {
  const given = process.env.UI_BENCH_DIST;
  machineLoad('at start');
  progress(given ? `using the build in ${given}` : 'building into a temporary folder');
  const outDir = given ?? (await buildApp());
  let server: Served | null = null;
  let browser: Browser | null = null;
  try {
    await section('bundle sizes', async () => {
      const sizes = measureBundle(outDir);
      withGoal('ui-initial-js-gzip-kb', kb(sizes.initial.gzipBytes), 1, '<=', 150);
      line('ui-initial-js-files', sizes.initial.files.length, 0);
      line('ui-worker-js-gzip-kb', kb(sizes.worker.gzipBytes), 1);
      if (sizes.worker.files.length === 0) {
        comment('no `new Worker(new URL(…))` found in the build');
      }
    });
    server = await serveBuild(outDir);
    browser = await launchChromium();
    await pageSections(browser, server.origin);
    if (process.env.UI_BENCH_PROFILE === '1') await profileSection(browser);
    machineLoad('at end');
  } finally {
    await browser?.close();
    await server?.close();
    if (!given) removeBuild(outDir);
  }
}

main().then(
  () => process.exit(failed ? 1 : 0),
  (error: unknown) => {
    process.stderr.write(`bench:ui failed: ${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
