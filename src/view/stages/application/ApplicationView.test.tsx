import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../../model/run/ProducerRun';
import type { RunSnapshot } from '../../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../../model/run/SnapshotBuilder';
import { presetById } from '../../../scenario/presets';
import { decodeScenario } from '../../../scenario/ScenarioCodec';
import { renderStage } from '../../testing/renderStage';
import { ApplicationView } from './ApplicationView';

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

describe('ApplicationView', () => {
  it('shows the send rate, the send mode and the send() calls so far', () => {
    const snapshot = snapshotWhen(
      'throughput=2000&send.mode=fire-and-forget',
      (s) => s.nowMs >= 20,
    );
    renderStage(ApplicationView, snapshot);
    expect(screen.getByText('2,000 /s')).toBeInTheDocument();
    expect(screen.getByText('fire-and-forget')).toBeInTheDocument();
    const caller = screen.getByTestId('caller');
    expect(caller).not.toHaveClass('is-blocked');
    expect(caller).toHaveTextContent(`send() ×${snapshot.counters.sendCalls}`);
  });

  it('shows the caller blocked while buffer.memory is used up', () => {
    const snapshot = snapshotWhen(
      presetById('buffer-full-blocks')!.query,
      (s) => s.application.blocked,
    );
    renderStage(ApplicationView, snapshot);
    const caller = screen.getByTestId('caller');
    expect(caller).toHaveClass('is-blocked');
    expect(caller).toHaveTextContent('BLOCKED');
    expect(caller).toHaveTextContent('buffer.memory full');
  });

  it('shows a sync caller waiting in get() for its acknowledgement', () => {
    const snapshot = snapshotWhen(
      'send.mode=sync',
      (s) => s.application.state === 'awaiting-ack',
      0.1,
      50,
    );
    renderStage(ApplicationView, snapshot);
    expect(screen.getByTestId('caller')).toHaveTextContent('sync: waiting in get()');
  });
});
