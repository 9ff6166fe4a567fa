/**
 * Carries the store's theme to <html data-theme> (the CSS variables follow it) and keeps the store's reducedMotion
 * in step with the system's prefers-reduced-motion (also marked as data-reduced-motion for CSS).
 */
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectReducedMotion, selectTheme } from '../../store/selectors';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

export function usePagePreferences(): void {
  const api = useAppStoreApi();
  const theme = useAppStore(selectTheme);
  const reducedMotion = useAppStore(selectReducedMotion);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    document.documentElement.dataset.reducedMotion = String(reducedMotion);
  }, [reducedMotion]);

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(REDUCED_MOTION);
    const sync = () => api.getState().setReducedMotion(query.matches);
    sync();
    query.addEventListener('change', sync);
    return () => query.removeEventListener('change', sync);
  }, [api]);
}
