/**
 * A store for component tests: the real AppState shape, holding a snapshot the model produced, with actions that
 * only record their calls (no worker). Tests feed snapshots with `setSnapshot`, as the worker binding would.
 */
import { createStore } from 'zustand/vanilla';
import type { RunSnapshot } from '../../model/run/RunSnapshot';
import type { AppActions, AppState } from '../../store/AppState';
import type { AppStore } from '../../store/context';

export interface TestStore extends AppStore {
  /** Every action called, in order, with its arguments. */
  readonly calls: { readonly action: keyof AppActions; readonly args: readonly unknown[] }[];
  /** Replaces the snapshot (and bumps snapshotSeq), as the worker binding does. */
  setSnapshot(snapshot: RunSnapshot | null): void;
}

const ACTIONS: readonly (keyof AppActions)[] = [
  'play',
  'pause',
  'togglePlay',
  'step',
  'setSpeed',
  'reset',
  'newSeed',
  'setSetting',
  'loadQuery',
  'applyFault',
  'setTheme',
  'setColourBy',
  'dismissNotice',
  'restartWorker',
];

/** A fresh store holding `snapshot`; `overrides` set any other field (colourBy, reducedMotion, …). */
export function createTestStore(
  snapshot: RunSnapshot | null,
  overrides: Partial<AppState> = {},
): TestStore {
  const calls: TestStore['calls'] = [];
  const actions = Object.fromEntries(
    ACTIONS.map((action) => [
      action,
      (...args: unknown[]) => {
        calls.push({ action, args });
      },
    ]),
  ) as unknown as AppActions;
  const store = createStore<AppState>()(() => ({
    status: snapshot === null ? 'starting' : 'running',
    snapshot,
    snapshotSeq: snapshot === null ? 0 : 1,
    playing: false,
    speed: 1000,
    notice: null,
    problems: [],
    error: null,
    query: '',
    configErrors: {},
    theme: 'light',
    colourBy: 'partition',
    reducedMotion: false,
    ...actions,
    ...overrides,
  }));
  return Object.assign(store, {
    calls,
    setSnapshot(next: RunSnapshot | null) {
      store.setState((s) => ({ snapshot: next, snapshotSeq: s.snapshotSeq + 1 }));
    },
  });
}
