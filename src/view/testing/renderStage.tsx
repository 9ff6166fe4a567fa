/**
 * Renders one pipeline stage the way PipelineDiagram does — inside an <svg>, under the store and the stage tooltip
 * context — from a snapshot the model produced, with the layout the diagram would compute for it.
 */
import { type RenderResult, render } from '@testing-library/react';
import type { ComponentType } from 'react';
import type { RunSnapshot } from '../../model/run/RunSnapshot';
import type { AppState } from '../../store/AppState';
import { AppStoreProvider } from '../../store/context';
import { computeLayout, type DiagramLayout } from '../diagram/layout';
import { createTipStore, StageTipContext } from '../diagram/tips';
import { createTestStore, type TestStore } from './testStore';

/** The layout PipelineDiagram computes for `snapshot` at `width` × `height`. */
export function layoutFor(snapshot: RunSnapshot, width = 1280, height = 600): DiagramLayout {
  return computeLayout(width, height, snapshot.settings.partitions, snapshot.settings.brokers, {
    interceptors: snapshot.pipeline.interceptors.length > 0,
  });
}

export function renderStage(
  Stage: ComponentType<{ layout: DiagramLayout }>,
  snapshot: RunSnapshot,
  overrides: Partial<AppState> = {},
): RenderResult & { store: TestStore; layout: DiagramLayout } {
  const store = createTestStore(snapshot, overrides);
  const layout = layoutFor(snapshot);
  const tips = { store: createTipStore(), idPrefix: 'test' };
  const result = render(
    <AppStoreProvider store={store}>
      <StageTipContext.Provider value={tips}>
        <svg aria-label="stage under test">
          <Stage layout={layout} />
        </svg>
      </StageTipContext.Provider>
    </AppStoreProvider>,
  );
  return { ...result, store, layout };
}
