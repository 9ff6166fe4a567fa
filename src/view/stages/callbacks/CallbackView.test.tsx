import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../../model/run/ProducerRun';
import type { RunSnapshot } from '../../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../../model/run/SnapshotBuilder';
import { presetById } from '../../../scenario/presets';
import { decodeScenario } from '../../../scenario/ScenarioCodec';
import { renderStage } from '../../testing/renderStage';
import { batchOutcomes, CallbackView } from './CallbackView';

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

describe('CallbackView', () => {
  it('says where the newest acknowledged batches landed: partition and base offset', () => {
    const snapshot = snapshotWhen('keys=10', (s) => s.sender.recentlyCompleted.length > 0, 0.5);
    const last = snapshot.sender.recentlyCompleted.at(-1)!;
    renderStage(CallbackView, snapshot);
    const box = screen.getByTestId('last-response');
    expect(box).toHaveTextContent(`req-${last.requestId}`);
    const first = last.batches[0];
    expect(box).toHaveTextContent(`P${first.partition} @${first.baseOffset}`);
    expect(screen.getByText(`✓ ${snapshot.counters.acked}`)).toBeInTheDocument();
  });

  it('names the error of batches that failed', () => {
    const snapshot = snapshotWhen(
      presetById('min-isr-refuses')!.query,
      (s) => s.sender.recentlyCompleted.some((r) => r.batches.some((b) => b.error !== null)),
      5,
      4000,
    );
    const failed = snapshot.sender.recentlyCompleted.find((r) => r.batches.some((b) => b.error))!;
    expect(batchOutcomes(failed).some((line) => line.includes('NOT_ENOUGH_REPLICAS'))).toBe(true);
  });
});
