import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { presetById } from '../../../scenario/presets';
import { snapshotWhen } from '../../testing/modelSnapshots';
import { renderStage } from '../../testing/renderStage';
import { SenderView } from './SenderView';

describe('SenderView', () => {
  it('shows in-flight requests per broker against max.in.flight.requests.per.connection (acks=all)', () => {
    const snapshot = snapshotWhen('acks=all', (s) => s.sender.inFlight.length > 0, 0.1, 100);
    const { container } = renderStage(SenderView, snapshot);
    for (const node of [0, 1, 2]) {
      const count = snapshot.sender.inFlight.filter((r) => r.node === node).length;
      const lane = container.querySelector(`.node-lane[data-node="${node}"]`)!;
      expect(lane).toHaveAttribute('data-in-flight', String(count));
      expect(lane.querySelectorAll('.slot')).toHaveLength(5);
      expect(lane.querySelectorAll('.slot.is-used')).toHaveLength(count);
      expect(lane).toHaveTextContent(`${count}/5 in flight`);
    }
    const busy = snapshot.sender.inFlight[0];
    const busyLane = container.querySelector(`.node-lane[data-node="${busy.node}"]`)!;
    expect(busyLane).toHaveTextContent(/req-\d+: \d+ batch/);
  });

  it('marks the nodes ready() found sendable', () => {
    const snapshot = snapshotWhen('linger.ms=0', (s) => s.sender.readyNodes.length > 0, 0.1, 100);
    const { container } = renderStage(SenderView, snapshot);
    const ready = [...container.querySelectorAll('.node-ready.is-ready')].map((el) =>
      Number(el.closest('.node-lane')!.getAttribute('data-node')),
    );
    expect(ready).toEqual(snapshot.sender.readyNodes);
    expect(container.querySelector('.node-ready.is-ready')).toHaveTextContent('ready');
  });

  it('lists batches waiting out their retry backoff with a countdown', () => {
    const snapshot = snapshotWhen(
      presetById('retries-reorder')!.query,
      (s) => s.sender.retries.length > 0,
      1,
      3000,
    );
    const retry = snapshot.sender.retries[0];
    renderStage(SenderView, snapshot);
    const list = screen.getByTestId('retries');
    expect(list).toHaveTextContent(`batch-${retry.batchId} P${retry.partition} in`);
    expect(list.querySelector('title')).toHaveTextContent(retry.error);
  });
});
