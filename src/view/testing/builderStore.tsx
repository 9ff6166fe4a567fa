/**
 * For the inspectors' component tests: a test store wired to a model SnapshotBuilder the way the worker is wired
 * to the page — select() tells the builder and answers at once with a fresh snapshot, `refresh()` sends the
 * snapshot of the run as it is now. Takes the builder as an interface, so this file needs only the model's types.
 */
import { act, type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { InspectTarget, RunSnapshot } from '../../model/run/RunSnapshot';
import { AppStoreProvider } from '../../store/context';
import { createTestStore, type TestStore } from './testStore';

/** What the store needs of a SnapshotBuilder. */
export interface SnapshotSource {
  select(target: InspectTarget | null): void;
  build(): RunSnapshot;
}

export interface BuilderStore extends TestStore {
  /** Every target select() was called with, in order. */
  readonly selects: (InspectTarget | null)[];
  /** Sends a snapshot of the run as it is now (inside act). */
  refresh(): RunSnapshot;
  /** Renders `ui` under this store. */
  show(ui: ReactElement): RenderResult;
}

export function builderStore(builder: SnapshotSource): BuilderStore {
  const store = createTestStore(builder.build());
  const selects: (InspectTarget | null)[] = [];
  const refresh = () => {
    const snapshot = builder.build();
    act(() => store.setSnapshot(snapshot));
    return snapshot;
  };
  store.setState({
    selected: null,
    select(target: InspectTarget | null) {
      selects.push(target);
      builder.select(target);
      store.setState({ selected: target });
      store.setSnapshot(builder.build());
    },
  });
  return Object.assign(store, {
    selects,
    refresh,
    show: (ui: ReactElement) => render(<AppStoreProvider store={store}>{ui}</AppStoreProvider>),
  });
}
