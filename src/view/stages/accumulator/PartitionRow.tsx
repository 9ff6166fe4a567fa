/**
 * One partition's row of the RecordAccumulator: its label (every n-th when rows are thin), a hatched background and
 * the word "muted" when the partition is muted (a request for it is in flight and ordering needs it to wait), and
 * its deque of batches, head at the right; batches that do not fit are counted at the left ("+3").
 */
import { memo, type ReactElement } from 'react';
import type { PartitionQueueView } from '../../../model/run/RunSnapshot';
import { type DiagramLayout, rowLabelled } from '../../diagram/layout';
import { BatchBox } from './BatchBox';
import { dequeArea, forEachBatchBox } from './dequeGeometry';

export interface PartitionRowProps {
  readonly layout: DiagramLayout;
  readonly queue: PartitionQueueView;
  readonly batchSize: number;
  readonly lingerMs: number;
  readonly nowMs: number;
}

export const PartitionRow = memo(function PartitionRow(props: PartitionRowProps) {
  const { layout, queue, batchSize, lingerMs, nowMs } = props;
  const span = layout.stages.accumulator;
  const p = queue.partition;
  const top = layout.rowY0 + p * layout.rowHeight;
  const cy = top + layout.rowHeight / 2;
  const detailed = layout.rowHeight >= 26;
  const boxes: ReactElement[] = [];
  const hidden = forEachBatchBox(dequeArea(layout), queue.batches, batchSize, (batch, x0, x1) => {
    boxes.push(
      <BatchBox
        key={batch.id}
        batch={batch}
        x0={x0}
        x1={x1}
        cy={cy}
        rowHeight={layout.rowHeight}
        nowMs={nowMs}
        lingerMs={lingerMs}
        detailed={detailed}
      />,
    );
  });
  const bg = `row-bg${p % 2 === 1 ? ' is-odd' : ''}${queue.muted ? ' is-muted' : ''}`;
  return (
    <g
      className={layout.condensed ? 'acc-row is-condensed' : 'acc-row'}
      data-partition={p}
      data-muted={queue.muted || undefined}
    >
      <rect
        className={bg}
        x={span.x0}
        y={top}
        width={span.x1 - span.x0}
        height={layout.rowHeight}
      />
      {rowLabelled(layout, p) && (
        <text className="row-label" x={span.x0 + 4} y={cy + 4}>
          P{p}
        </text>
      )}
      {queue.muted && layout.rowHeight >= 24 && (
        <text className="row-muted" x={span.x0 + 4} y={cy + 15}>
          muted
        </text>
      )}
      {boxes}
      {hidden > 0 && detailed && (
        <text className="row-more" x={dequeArea(layout).x0} y={top + 9}>
          +{hidden} more
        </text>
      )}
    </g>
  );
});
