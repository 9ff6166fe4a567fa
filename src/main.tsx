/**
 * The page's entry: one simulation worker, one store bound to it and to the URL (replaceState, never pushState, so
 * settings changes do not flood the history), and the App under the store's provider.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createComparisonConnection } from './client/ComparisonClient';
import { createWorkerConnection } from './client/SimulationClient';
import { AppStoreProvider } from './store/context';
import { createAppStore } from './store/createAppStore';
import { App } from './view/App';
import './view/styles.css';

const prefers = (query: string) =>
  typeof window.matchMedia === 'function' && window.matchMedia(query).matches;

const connection = createWorkerConnection();
const store = createAppStore({
  connection,
  initialQuery: window.location.search.slice(1),
  onQueryChange: (query) =>
    window.history.replaceState(null, '', query === '' ? window.location.pathname : `?${query}`),
  theme: prefers('(prefers-color-scheme: dark)') ? 'dark' : 'light',
  reducedMotion: prefers('(prefers-reduced-motion: reduce)'),
  // Its own worker, started on the first comparison.
  comparisons: createComparisonConnection(),
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppStoreProvider store={store}>
        <App />
      </AppStoreProvider>
    </StrictMode>,
  );
}
