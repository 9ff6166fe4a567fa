/**
 * The version of the metric history the charts draw, throttled: snapshots arrive up to once per frame, but the
 * charts redraw at most every `intervalMs` of wall time (10 Hz by default) — the newest version always shows, at
 * the latest one interval after it arrived. Nothing arrives while the simulated clock stands still, so nothing moves.
 */
import { useEffect, useState } from 'react';
import { useAppStoreApi } from '../../store/context';
import type { MetricHistory } from '../../store/metricHistory';

/** Wall ms between chart redraws. */
export const CHART_REFRESH_MS = 100;

export function useHistoryVersion(
  history: MetricHistory | null,
  intervalMs: number = CHART_REFRESH_MS,
): number {
  const store = useAppStoreApi();
  const [version, setVersion] = useState(() => history?.version ?? 0);
  useEffect(() => {
    if (history === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shown = Number.NaN;
    let shownAt = Number.NEGATIVE_INFINITY;
    const show = () => {
      timer = undefined;
      shown = history.version;
      shownAt = performance.now();
      setVersion(shown);
    };
    // Runs inside every store update, snapshot deliveries included: it only compares and maybe arms a timer.
    const onChange = () => {
      if (timer !== undefined || history.version === shown) return;
      const wait = shownAt + intervalMs - performance.now();
      if (wait <= 0) show();
      else timer = setTimeout(show, wait);
    };
    onChange();
    const unsubscribe = store.subscribe(onChange);
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, history, intervalMs]);
  return version;
}
