import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProducerRun } from '../../model/run/ProducerRun';
import type { RunSnapshot } from '../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { createTestStore } from '../testing/testStore';
import { computeLayout } from './layout';
import { MarksLoop } from './MarksLoop';

function modelRun(query: string) {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  return (ms: number): RunSnapshot => {
    run.advanceTo(ms);
    return builder.build();
  };
}

const loops: MarksLoop[] = [];
function startLoop(snapshot: RunSnapshot, reducedMotion: boolean) {
  const store = createTestStore(snapshot, { reducedMotion });
  const canvas = document.createElement('canvas');
  const layout = computeLayout(1280, 600, snapshot.settings.partitions, snapshot.settings.brokers);
  const loop = new MarksLoop(canvas, store, layout);
  loops.push(loop);
  return { store, canvas, loop };
}

afterEach(() => {
  for (const loop of loops.splice(0)) loop.dispose();
});

describe('MarksLoop', () => {
  it('with reduced motion puts every mark on its target in the first frame', async () => {
    const { canvas, loop } = startLoop(modelRun('keys=10')(30), true);
    await waitFor(() => expect(canvas).toHaveAttribute('data-marks'));
    const f = loop.field;
    expect(f.count).toBeGreaterThan(0);
    for (let i = 0; i < f.count; i++) expect([f.x[i], f.y[i]]).toEqual([f.tx[i], f.ty[i]]);
  });

  it('re-colours the marks when colourBy changes, and stops listening once disposed', async () => {
    const at = modelRun('keys=10');
    const first = at(30);
    const { store, canvas, loop } = startLoop(first, true);
    await waitFor(() => expect(canvas).toHaveAttribute('data-marks', String(first.marks.count)));
    const byPartition = Array.from(loop.field.colour.subarray(0, loop.field.count));
    act(() => store.setState({ colourBy: 'key' }));
    await waitFor(() =>
      expect(Array.from(loop.field.colour.subarray(0, loop.field.count))).not.toEqual(byPartition),
    );
    loop.dispose();
    const later = at(60);
    act(() => store.setSnapshot(later));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(canvas).toHaveAttribute('data-marks', String(first.marks.count));
  });
});
