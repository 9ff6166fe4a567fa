/**
 * The BufferPool gauge under the accumulator: buffer.memory as a bar, the part allocated to batches (queued or in
 * flight) filled, what is still available in words, and the callers waiting for memory (send() blocks then).
 */
import type { BufferPoolView } from '../../../model/run/RunSnapshot';
import { formatBytes } from '../../diagram/format';
import type { Span } from '../../diagram/layout';

export interface BufferPoolGaugeProps {
  readonly pool: BufferPoolView;
  readonly span: Span;
  readonly y: number;
}

export function BufferPoolGauge({ pool, span, y }: BufferPoolGaugeProps) {
  const x = span.x0 + 6;
  const width = span.x1 - span.x0 - 12;
  const used = pool.totalMemory > 0 ? Math.min(1, pool.allocatedMemory / pool.totalMemory) : 0;
  const waiting = pool.waiters.length;
  const text =
    `BufferPool: ${formatBytes(pool.allocatedMemory)} of ${formatBytes(pool.totalMemory)} allocated · ` +
    `${formatBytes(pool.availableMemory)} available` +
    (waiting > 0 ? ` · ${waiting} waiting for memory` : '');
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no meter element; the g is the gauge
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: the g is not interactive
    <g
      className={waiting > 0 ? 'buffer-pool is-exhausted' : 'buffer-pool'}
      data-testid="buffer-pool"
      role="meter"
      aria-label="buffer.memory allocated"
      aria-valuemin={0}
      aria-valuemax={pool.totalMemory}
      aria-valuenow={pool.allocatedMemory}
      aria-valuetext={text}
    >
      <rect className="gauge-track" x={x} y={y} width={width} height={10} rx={3} />
      <rect className="gauge-fill" x={x} y={y} width={width * used} height={10} rx={3} />
      <text className="stage-small" x={x} y={y + 24}>
        {text}
      </text>
    </g>
  );
}
