/**
 * One ProducerBatch in its partition's deque: a box as wide as its buffer against batch.size, filled as far as its
 * estimated size, with a linger.ms countdown (shrinking bar and text) while it is open, and its size on the wire
 * (compressed, when compression is on) once closed — in Kafka a batch is compressed when drained, so a closed batch
 * back in the deque is a retry. A retry has a dashed outline (and its hover text says which attempt). The batch the
 * inspector looks at wears a frame around its box; a click on a box inspects it (inspect/useMarkClicks).
 */
import type { BatchView } from '../../../model/run/RunSnapshot';
import { useAppStore } from '../../../store/context';
import { partitionColour } from '../../diagram/colours';
import { formatBytes, formatMs } from '../../diagram/format';

export interface BatchBoxProps {
  readonly batch: BatchView;
  readonly x0: number;
  readonly x1: number;
  /** The row's centre and height. */
  readonly cy: number;
  readonly rowHeight: number;
  readonly nowMs: number;
  readonly lingerMs: number;
  /** Whether there is room for text and a hover title. */
  readonly detailed: boolean;
}

/** Share of the box filled: estimated bytes against the buffer (batch.size, or more for a big first record). */
export function batchFill(batch: BatchView): number {
  return Math.min(1, batch.estimatedSizeInBytes / Math.max(1, batch.batchSize, batch.writeLimit));
}

/** ms of linger left for a batch still open and never sent; null otherwise. */
export function lingerLeftMs(batch: BatchView, nowMs: number): number | null {
  if (batch.closeReason !== null || batch.lingerDeadlineMs < 0) return null;
  return Math.max(0, batch.lingerDeadlineMs - nowMs);
}

export function BatchBox({
  batch,
  x0,
  x1,
  cy,
  rowHeight,
  nowMs,
  lingerMs,
  detailed,
}: BatchBoxProps) {
  const width = x1 - x0;
  const boxHeight = Math.max(2, Math.min(34, rowHeight * 0.6));
  const barHeight = Math.max(1.5, Math.min(4, rowHeight * 0.08));
  const y = cy - boxHeight / 2 - barHeight / 2;
  const left = lingerLeftMs(batch, nowMs);
  const retry = batch.attempts > 0;
  const closed = batch.closeReason !== null;
  const className = `batch${closed ? ' is-closed' : ' is-open'}${retry ? ' is-retry' : ''}`;
  const label = left !== null ? formatMs(left) : closedLabel(batch);
  const selected = useAppStore((s) => s.selected?.kind === 'batch' && s.selected.id === batch.id);
  return (
    <g className={selected ? `${className} is-selected` : className} data-batch={batch.id}>
      {selected && (
        <rect
          className="selected-frame"
          x={x0 - 3}
          y={y - 3}
          width={width + 6}
          height={boxHeight + 6}
          rx={3}
        />
      )}
      <rect className="batch-box" x={x0} y={y} width={width} height={boxHeight} />
      <rect
        className="batch-fill"
        x={x0}
        y={y}
        width={width * batchFill(batch)}
        height={boxHeight}
        style={{ fill: partitionColour(batch.partition) }}
      />
      {left !== null && (
        <rect
          className="linger-bar"
          data-testid="linger-bar"
          x={x0}
          y={y + boxHeight + 1}
          width={width * Math.min(1, left / Math.max(1, lingerMs))}
          height={barHeight}
        />
      )}
      {detailed && width >= 44 && (
        <text className="batch-text" x={x0 + 3} y={y + Math.min(boxHeight - 3, 13)}>
          {label}
        </text>
      )}
      {detailed && <title>{describeBatch(batch, left)}</title>}
    </g>
  );
}

function closedLabel(batch: BatchView): string {
  return batch.compressedSizeInBytes >= 0 && batch.compressedSizeInBytes !== batch.sizeInBytes
    ? `→ ${formatBytes(batch.compressedSizeInBytes)}`
    : formatBytes(batch.sizeInBytes);
}

/** The hover text: everything the box shows, in words. */
export function describeBatch(batch: BatchView, lingerLeft: number | null): string {
  const parts = [
    `batch-${batch.id}: ${batch.recordCount} records, ${formatBytes(batch.estimatedSizeInBytes)} of ` +
      `${formatBytes(batch.batchSize)}`,
  ];
  if (lingerLeft !== null) parts.push(`linger.ms: ${formatMs(lingerLeft)} left`);
  if (batch.closeReason !== null) parts.push(`closed (${batch.closeReason})`);
  if (batch.compressedSizeInBytes >= 0)
    parts.push(`${formatBytes(batch.compressedSizeInBytes)} on the wire`);
  if (batch.readyReason !== null) parts.push(`ready: ${batch.readyReason}`);
  if (batch.attempts > 0) parts.push(`retry ${batch.attempts}`);
  return parts.join(' · ');
}
