import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../../model/run/ProducerRun';
import type { RunSnapshot } from '../../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../../scenario/ScenarioCodec';
import { formatBytes } from '../../diagram/format';
import { renderStage } from '../../testing/renderStage';
import { SerializerView, shownKey } from './SerializerView';

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

describe('SerializerView', () => {
  it('shows the last record’s key and value sizes in bytes', () => {
    const snapshot = snapshotWhen('keys=10&record.size=250', (s) => s.pipeline.lastRecord !== null);
    const last = snapshot.pipeline.lastRecord!;
    renderStage(SerializerView, snapshot);
    const sizes = screen.getByTestId('serializer-sizes');
    expect(sizes).toHaveTextContent(`key ${formatBytes(last.keySizeInBytes)}`);
    expect(sizes).toHaveTextContent(`value ${formatBytes(250)}`);
    expect(sizes).toHaveTextContent(shownKey(last.key));
    expect(screen.getByText('String')).toBeInTheDocument();
  });

  it('says when the key is null', () => {
    renderStage(
      SerializerView,
      snapshotWhen('keys=0', (s) => s.pipeline.lastRecord !== null),
    );
    expect(screen.getByTestId('serializer-sizes')).toHaveTextContent('key null');
  });
});
