/**
 * The RecordAccumulator stage: one row per partition with its deque of batches drawn to scale (PartitionRow,
 * BatchBox; CondensedDeques when rows are too thin for words), and the BufferPool gauge of buffer.memory beneath.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../../store/AppState';
import { useAppStore } from '../../../store/context';
import type { DiagramLayout } from '../../diagram/layout';
import { StageFrame } from '../../diagram/StageFrame';
import { BufferPoolGauge } from './BufferPoolGauge';
import { CondensedDeques } from './CondensedDeques';
import { PartitionRow } from './PartitionRow';

const selectAccumulator = (s: AppState) => ({
  queues: s.snapshot?.accumulator,
  pool: s.snapshot?.bufferPool,
  nowMs: s.snapshot?.nowMs ?? 0,
  batchSize: s.snapshot?.settings.batchSize ?? 16384,
  lingerMs: s.snapshot?.settings.lingerMs ?? 0,
  compression: s.snapshot?.settings.compressionType ?? 'none',
});

export const RecordAccumulatorView = memo(function RecordAccumulatorView({
  layout,
}: {
  layout: DiagramLayout;
}) {
  const acc = useAppStore(useShallow(selectAccumulator));
  const span = layout.stages.accumulator;
  const subtitle = `batch.size ${acc.batchSize} · linger.ms ${acc.lingerMs}${
    acc.compression === 'none' ? '' : ` · ${acc.compression}`
  }`;
  return (
    <StageFrame id="accumulator" span={span} height={layout.height} subtitle={subtitle}>
      {acc.queues !== undefined && layout.condensed && (
        <CondensedDeques
          layout={layout}
          queues={acc.queues}
          batchSize={acc.batchSize}
          lingerMs={acc.lingerMs}
          nowMs={acc.nowMs}
        />
      )}
      {!layout.condensed &&
        acc.queues?.map((queue) =>
          queue.partition < layout.partitions ? (
            <PartitionRow
              key={queue.partition}
              layout={layout}
              queue={queue}
              batchSize={acc.batchSize}
              lingerMs={acc.lingerMs}
              nowMs={acc.nowMs}
            />
          ) : null,
        )}
      {acc.pool !== undefined && (
        <BufferPoolGauge pool={acc.pool} span={span} y={layout.footerY0 + 2} />
      )}
    </StageFrame>
  );
});
