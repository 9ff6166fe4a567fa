import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../../model/run/ProducerRun';
import type { RunSnapshot } from '../../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../../scenario/ScenarioCodec';
import { renderStage } from '../../testing/renderStage';
import { ProducerInterceptorsView } from './ProducerInterceptorsView';

/** The first snapshot of a model run of `query`, every `stepMs`, for which `until` holds. */
function snapshotWhen(query: string, until: (s: RunSnapshot) => boolean, stepMs = 1, maxMs = 1000) {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  for (let t = stepMs; t <= maxMs; t += stepMs) {
    run.advanceTo(t);
    const s = builder.build();
    if (until(s)) return s;
  }
  throw new Error(`${query}: never happened within ${maxMs} ms`);
}

describe('ProducerInterceptorsView', () => {
  it('lists the interceptor.classes in the order onSend() runs them', () => {
    const snapshot = snapshotWhen(
      'interceptor.classes=AckCountingInterceptor%2CTracingInterceptor',
      (s) => s.pipeline.lastRecord !== null,
    );
    expect(snapshot.pipeline.interceptors).toHaveLength(2);
    const { container } = renderStage(ProducerInterceptorsView, snapshot);
    const chips = [...container.querySelectorAll('ol > .chip')];
    expect(chips.map((c) => c.textContent)).toEqual(['AckCounting', 'Tracing']);
    expect(chips[0]).toHaveAttribute('title', 'AckCountingInterceptor');
    expect(screen.getByText('onSend()')).toBeInTheDocument();
  });
});
