/**
 * The UI benchmark's in-page probe, installed with page.addInitScript (or addScriptTag on a blank page) before the
 * app's own scripts run. Plain JavaScript in its own file, because functions passed to page.evaluate from a tsx
 * script carry esbuild's `__name` helper, which does not exist in the page. The harness calls it through string
 * expressions (`window.__kpeBench.countFrames(20000)`); uiBench's ProbeApi type mirrors it.
 *
 * Everything here is timed with performance.now(), the timebase of PerformanceEntry.startTime and Event.timeStamp.
 */
(() => {
  if (window.__kpeBench) return;

  const longTasks = [];
  const snapshotApplies = [];
  const slowEvents = [];
  const paintLatencies = [];
  let measuringInput = false;

  /** Buffered, so entries from before the observer existed count too; unsupported types are skipped quietly. */
  function observe(type, onEntry, extra) {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({
        type,
        buffered: true,
        ...extra,
      });
    } catch {
      // Not supported by this browser: the harness reports what it got.
    }
  }

  observe('longtask', (e) => longTasks.push({ startTime: e.startTime, duration: e.duration }));
  observe('measure', (e) => {
    if (e.name === 'kpe:snapshot-apply' && snapshotApplies.length < 1_000_000) {
      snapshotApplies.push({ startTime: e.startTime, duration: e.duration });
    }
  });
  // Event Timing reports only events of 16 ms or more (the smallest threshold allowed), so it is a cross-check
  // beside the rAF-based latency below, not the figure itself.
  observe(
    'event',
    (e) => slowEvents.push({ name: e.name, startTime: e.startTime, duration: e.duration }),
    { durationThreshold: 16 },
  );

  /**
   * Key press → next paint: the keydown's own timestamp (when the browser received the input) to the end of the
   * first rendering update after it. A rAF callback runs just before that update's style, layout and paint; a
   * message posted from it is delivered after them. Capture phase on window, so this runs before React's handlers.
   */
  window.addEventListener(
    'keydown',
    (event) => {
      if (!measuringInput) return;
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          paintLatencies.push(performance.now() - start);
          channel.port1.close();
        };
        channel.port2.postMessage(0);
      });
    },
    { capture: true },
  );

  function within(entries, from, to) {
    return entries.filter((e) => e.startTime >= from && e.startTime <= to);
  }

  function marksNow() {
    const el = document.querySelector('[data-marks]');
    if (!el) return null;
    const n = Number(el.getAttribute('data-marks'));
    return Number.isFinite(n) ? n : null;
  }

  /**
   * Counts animation frames for `durationMs` and reads data-marks in each one (one attribute read per frame is
   * far below a frame's cost). Resolves with the frame rate and the marks seen.
   */
  function countFrames(durationMs) {
    return new Promise((resolve) => {
      let frames = 0;
      let marksMin = Number.POSITIVE_INFINITY;
      let marksSum = 0;
      let marksFrames = 0;
      let last = 0;
      let maxGapMs = 0;
      let start = 0;
      function tick(now) {
        if (start === 0) {
          start = now;
          last = now;
        } else {
          frames++;
          maxGapMs = Math.max(maxGapMs, now - last);
          last = now;
        }
        const marks = marksNow();
        if (marks !== null) {
          marksMin = Math.min(marksMin, marks);
          marksSum += marks;
          marksFrames++;
        }
        if (now - start < durationMs) {
          requestAnimationFrame(tick);
          return;
        }
        const seconds = (now - start) / 1000;
        resolve({
          frames,
          seconds,
          fps: frames / seconds,
          maxGapMs,
          marksMin: marksFrames > 0 ? marksMin : null,
          marksMean: marksFrames > 0 ? marksSum / marksFrames : null,
        });
      }
      requestAnimationFrame(tick);
    });
  }

  window.__kpeBench = {
    now: () => performance.now(),
    marksNow,
    countFrames,
    longTasks: (from, to) => within(longTasks, from, to),
    snapshotApplies: (from, to) => within(snapshotApplies, from, to),
    slowEvents: (from, to) => within(slowEvents, from, to),
    startInputToPaint() {
      paintLatencies.length = 0;
      measuringInput = true;
    },
    stopInputToPaint() {
      measuringInput = false;
      return paintLatencies.slice();
    },
  };
})();
