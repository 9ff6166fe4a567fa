import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../../model/run/ProducerRun';
import type { RunSnapshot } from '../../../model/run/RunSnapshot';
import { SnapshotBuilder } from '../../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../../scenario/ScenarioCodec';
import { renderStage } from '../../testing/renderStage';
import { NetworkClientView } from './NetworkClientView';

/** The first snapshot of a model run of `query`, every `stepMs`, for which `until` holds. */
function snapshotWhen(
  query: string,
  until: (s: RunSnapshot) => boolean,
  stepMs: number,
  maxMs: number,
) {
  const run = new ProducerRun(decodeScenario(query).scenario);
  const builder = new SnapshotBuilder(run);
  for (let t = stepMs; t <= maxMs; t += stepMs) {
    run.advanceTo(t);
    const s = builder.build();
    if (until(s)) return s;
  }
  throw new Error(`${query}: never happened within ${maxMs} ms`);
}

describe('NetworkClientView', () => {
  it('draws the requests travelling on each broker’s wire (acks=all)', () => {
    const snapshot = snapshotWhen('acks=all', (s) => s.sender.inFlight.length > 0, 0.1, 100);
    const { container } = renderStage(NetworkClientView, snapshot);
    const drawn = [...container.querySelectorAll('.wire')].reduce(
      (n, wire) => n + Number(wire.getAttribute('data-requests')),
      0,
    );
    expect(drawn).toBe(snapshot.sender.inFlight.length);
    expect(container.querySelectorAll('.request').length).toBeGreaterThan(0);
  });

  it('shows the acknowledgement coming back, with ✓ and the request id', () => {
    const snapshot = snapshotWhen('', (s) => s.sender.recentlyCompleted.length > 0, 0.5, 200);
    const last = snapshot.sender.recentlyCompleted.at(-1)!;
    const { container } = renderStage(NetworkClientView, snapshot);
    const wire = container.querySelector(`.wire[data-node="${last.node}"]`)!;
    expect(wire.querySelector('.response')).toHaveTextContent(`✓ req-${last.requestId}`);
  });
});
