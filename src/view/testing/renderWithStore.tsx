/**
 * Renders a component under an AppStoreProvider holding a test store, for component tests fed by model snapshots.
 */
import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { RunSnapshot } from '../../model/run/RunSnapshot';
import type { AppState } from '../../store/AppState';
import { AppStoreProvider } from '../../store/context';
import { createTestStore, type TestStore } from './testStore';

export function renderWithStore(
  ui: ReactElement,
  snapshot: RunSnapshot | null,
  overrides: Partial<AppState> = {},
): RenderResult & { store: TestStore } {
  const store = createTestStore(snapshot, overrides);
  const result = render(<AppStoreProvider store={store}>{ui}</AppStoreProvider>);
  return { ...result, store };
}
