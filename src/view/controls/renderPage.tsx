/**
 * For component tests: renders a piece of the page under a real store (createAppStore) bound to a FakeConnection,
 * so a test sees the commands a control sends and can play the worker's replies.
 */
import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppStoreProvider } from '../../store/context';
import { createAppStore, type DisposableAppStore } from '../../store/createAppStore';
import { FakeConnection } from '../../store/FakeConnection';

export interface RenderedPage extends RenderResult {
  readonly connection: FakeConnection;
  readonly store: DisposableAppStore;
  /** The queries handed to onQueryChange (what the URL would be), in order. */
  readonly urls: string[];
}

export function renderPage(ui: ReactElement, initialQuery = ''): RenderedPage {
  const connection = new FakeConnection();
  const urls: string[] = [];
  const store = createAppStore({
    connection,
    initialQuery,
    onQueryChange: (q) => urls.push(q),
    randomSeed: () => 4242,
  });
  const result = render(<AppStoreProvider store={store}>{ui}</AppStoreProvider>);
  return { ...result, connection, store, urls };
}
