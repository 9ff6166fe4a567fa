/**
 * A store subscription that re-renders at most once per `intervalMs` of wall time, with the newest value (leading
 * and trailing edge): the inspectors and pick lists read data that changes with every snapshot (up to 60 a
 * second), and a person reads ten updates a second as live. intervalMs 0 follows every change (tests).
 */
import { useEffect, useState } from 'react';
import type { AppState } from '../../store/AppState';
import { useAppStoreApi } from '../../store/context';

/** `selector` must be stable (module level or memoised): a new one re-subscribes. */
export function useThrottledStore<T>(selector: (state: AppState) => T, intervalMs: number): T {
  const store = useAppStoreApi();
  const [value, setValue] = useState(() => selector(store.getState()));
  useEffect(() => {
    let shown = selector(store.getState());
    setValue(() => shown);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastEmitMs = Number.NEGATIVE_INFINITY;
    const emit = () => {
      timer = null;
      lastEmitMs = performance.now();
      const next = selector(store.getState());
      if (Object.is(next, shown)) return;
      shown = next;
      setValue(() => next);
    };
    const unsubscribe = store.subscribe((state) => {
      if (timer !== null || Object.is(selector(state), shown)) return;
      const waitMs = intervalMs - (performance.now() - lastEmitMs);
      if (waitMs <= 0) emit();
      else timer = setTimeout(emit, waitMs);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, selector, intervalMs]);
  return value;
}
