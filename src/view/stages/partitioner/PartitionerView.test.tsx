import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { snapshotWhen } from '../../testing/modelSnapshots';
import { renderStage } from '../../testing/renderStage';
import { PartitionerView } from './PartitionerView';

describe('PartitionerView', () => {
  it('shows where a keyed record went and why: murmur2 of the key modulo the partitions', () => {
    const snapshot = snapshotWhen('keys=100', (s) => s.pipeline.lastRecord !== null);
    const last = snapshot.pipeline.lastRecord!;
    renderStage(PartitionerView, snapshot);
    expect(screen.getByTestId('partition-chip')).toHaveTextContent(`P${last.partition}`);
    const why = screen.getByTestId('partition-why');
    expect(why).toHaveTextContent('key hash');
    expect(why).toHaveTextContent(/murmur2\("user-\d+"\)/);
    expect(why).toHaveTextContent(`% 6 = ${last.partition}`);
  });

  it('explains the sticky choice for records without a key', () => {
    const snapshot = snapshotWhen('keys=0', (s) => s.pipeline.stickyPartition >= 0);
    renderStage(PartitionerView, snapshot);
    const why = screen.getByTestId('partition-why');
    expect(why).toHaveTextContent('sticky (no key)');
    expect(why).toHaveTextContent(snapshot.pipeline.lastRecord!.partitionExplanation);
    expect(why).toHaveTextContent(/sticky partition/);
  });

  it('names a custom partitioner.class in the subtitle', () => {
    renderStage(
      PartitionerView,
      snapshotWhen(
        'partitioner.class=RoundRobinPartitioner',
        (s) => s.pipeline.lastRecord !== null,
      ),
    );
    expect(screen.getByText('RoundRobinPartitioner')).toBeInTheDocument();
  });
});
