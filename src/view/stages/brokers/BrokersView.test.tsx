import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { snapshotAt } from '../../testing/modelSnapshots';
import { renderStage } from '../../testing/renderStage';
import { BrokersView } from './BrokersView';
import { replicaLine, replicasOf } from './brokerStatus';

describe('BrokersView', () => {
  it('shows each broker with its replicas: leader or follower, log end offset, high watermark, ISR', () => {
    const snapshot = snapshotAt('keys=50', 200);
    const { container } = renderStage(BrokersView, snapshot);
    expect(container.querySelectorAll('.broker')).toHaveLength(3);
    const leaderOf0 = snapshot.partitions.find((p) => p.leader === 0)!;
    const broker0 = container.querySelector('[data-broker="0"]')!;
    expect(broker0).toHaveTextContent(
      `P${leaderOf0.partition} leader LEO ${leaderOf0.logEndOffset} HW ${leaderOf0.highWatermark} ISR ${leaderOf0.isr.join(',')}`,
    );
    expect(leaderOf0.logEndOffset).toBeGreaterThan(0);
    const lines = broker0.querySelectorAll('.replica-line');
    expect(lines).toHaveLength(replicasOf(0, snapshot.partitions).length);
    expect(broker0).toHaveAttribute('data-status', 'ok');
  });

  it('marks a crashed broker in words and with a dashed, hatched box, not by colour alone', () => {
    const snapshot = snapshotAt('fault=100%3Acrash%3A1', 150);
    expect(snapshot.brokers[1].alive).toBe(false);
    const { container } = renderStage(BrokersView, snapshot);
    const crashed = container.querySelector('[data-broker="1"]')!;
    expect(crashed).toHaveClass('is-down');
    expect(crashed).toHaveAttribute('data-status', 'crashed');
    expect(crashed.querySelector('.broker-title')).toHaveTextContent('broker 1 ✕ crashed');
    expect(container.querySelector('[data-broker="0"]')).not.toHaveClass('is-down');
  });

  it('names an isolated broker', () => {
    const snapshot = snapshotAt('fault=50%3Aisolate%3A2', 60);
    const { container } = renderStage(BrokersView, snapshot);
    expect(container.querySelector('[data-broker="2"]')).toHaveTextContent('isolated');
  });

  it('condenses many replicas into a grid of cells, leaders filled', () => {
    const snapshot = snapshotAt('partitions=128&brokers=3', 20);
    const { container } = renderStage(BrokersView, snapshot);
    const broker0 = container.querySelector('[data-broker="0"]')!;
    const replicas = replicasOf(0, snapshot.partitions);
    expect(broker0.querySelectorAll('.replica-line')).toHaveLength(0);
    // One square subpath per replica, over a few paths.
    const cells = [...broker0.querySelectorAll('.replica-cell')]
      .map((path) => path.getAttribute('d')!.match(/M/g)!.length)
      .reduce((a, b) => a + b, 0);
    expect(cells).toBe(replicas.length);
    expect(broker0.querySelector('.replica-grid')).toHaveAttribute(
      'data-leaders',
      String(replicas.filter((r) => r.leader).length),
    );
    // The details stay available as the box's hover text.
    expect(broker0.querySelector(':scope > title')).toHaveTextContent(replicaLine(replicas[0]));
  });

  it('says the replication settings in the stage subtitle', () => {
    renderStage(BrokersView, snapshotAt('min.insync.replicas=2', 10));
    expect(screen.getByText('replication.factor=3 · min.insync.replicas=2')).toBeInTheDocument();
  });
});
