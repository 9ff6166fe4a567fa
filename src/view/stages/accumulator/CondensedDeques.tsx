/**
 * The RecordAccumulator's rows when they are too thin for words (many partitions): the same boxes, fills, linger bars
 * and hatching as PartitionRow and BatchBox, but drawn as a handful of paths for all partitions together, so 128
 * partitions cost a dozen SVG nodes rather than a thousand, re-rendered every frame. Labels every n-th row.
 */
import { memo } from 'react';
import type { PartitionQueueView } from '../../../model/run/RunSnapshot';
import { partitionColour } from '../../diagram/colours';
import type { DiagramLayout } from '../../diagram/layout';
import { batchFill, lingerLeftMs } from './BatchBox';
import { dequeArea, forEachBatchBox } from './dequeGeometry';

export interface CondensedDequesProps {
  readonly layout: DiagramLayout;
  readonly queues: readonly PartitionQueueView[];
  readonly batchSize: number;
  readonly lingerMs: number;
  readonly nowMs: number;
}

/** A rectangle as a closed subpath, coordinates to a tenth of a pixel. */
function rect(x: number, y: number, w: number, h: number): string {
  return `M${x.toFixed(1)},${y.toFixed(1)}h${w.toFixed(1)}v${h.toFixed(1)}h${(-w).toFixed(1)}z`;
}

export const CondensedDeques = memo(function CondensedDeques(props: CondensedDequesProps) {
  const { layout, queues, batchSize, lingerMs, nowMs } = props;
  const span = layout.stages.accumulator;
  const area = dequeArea(layout);
  const h = layout.rowHeight;
  const boxHeight = Math.max(1, h * 0.7);
  let outlines = '';
  let bars = '';
  let muted = '';
  const fills = ['', '', '', '', '', '', '', ''];
  for (const queue of queues) {
    const p = queue.partition;
    if (p >= layout.partitions) continue;
    const top = layout.rowY0 + p * h;
    if (queue.muted) muted += rect(span.x0, top, span.x1 - span.x0, h);
    const y = top + (h - boxHeight) / 2;
    forEachBatchBox(area, queue.batches, batchSize, (batch, x0, x1) => {
      const w = x1 - x0;
      outlines += rect(x0, y, w, boxHeight);
      fills[p % 8] += rect(x0, y, w * batchFill(batch), boxHeight);
      const left = lingerLeftMs(batch, nowMs);
      if (left !== null) {
        bars += rect(x0, y + boxHeight - 1, w * Math.min(1, left / Math.max(1, lingerMs)), 1);
      }
    });
  }
  const labels = [];
  for (let p = 0; p < layout.partitions; p += layout.labelEvery) {
    labels.push(
      <text key={p} className="row-label" x={span.x0 + 4} y={layout.rowY0 + (p + 0.5) * h + 3}>
        P{p}
      </text>,
    );
  }
  return (
    <g className="acc-condensed" data-testid="condensed-deques">
      {muted !== '' && <path className="row-bg is-muted" d={muted} />}
      <path className="batch-box" d={outlines} />
      {fills.map((d, c) =>
        d === '' ? null : (
          <path
            key={partitionColour(c)}
            className="batch-fill"
            d={d}
            style={{ fill: partitionColour(c) }}
          />
        ),
      )}
      <path className="linger-bar" d={bars} />
      {labels}
    </g>
  );
});
