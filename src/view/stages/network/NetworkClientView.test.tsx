import { describe, expect, it } from 'vitest';
import { snapshotWhen } from '../../testing/modelSnapshots';
import { renderStage } from '../../testing/renderStage';
import { NetworkClientView } from './NetworkClientView';

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
