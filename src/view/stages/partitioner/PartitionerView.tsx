/**
 * The Partitioner stage: the partitioner in use, the partition the last record went to (a numbered chip and an
 * arrow into that partition's row of the RecordAccumulator), and why, in the model's own words
 * (pipeline.lastRecord.partitionExplanation, which for a sticky choice includes the last switch's reason).
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../../store/AppState';
import { useAppStore } from '../../../store/context';
import { partitionColour } from '../../diagram/colours';
import { type DiagramLayout, rowCentre } from '../../diagram/layout';
import { StageFrame } from '../../diagram/StageFrame';
import { StageHtml } from '../../diagram/StageHtml';

const selectPartitioner = (s: AppState) => {
  const pipeline = s.snapshot?.pipeline;
  const last = pipeline?.lastRecord ?? null;
  return {
    partitioner: pipeline?.partitioner ?? 'BuiltInPartitioner',
    partition: last?.partition ?? -1,
    reason: last?.partitionReason ?? '',
    explanation: last?.partitionExplanation ?? '',
  };
};

const REASON_TEXT: Readonly<Record<string, string>> = {
  'key-hash': 'key hash',
  sticky: 'sticky (no key)',
  explicit: 'partition given',
  'custom-partitioner': 'partitioner.class',
  '': '',
};

export const PartitionerView = memo(function PartitionerView({
  layout,
}: {
  layout: DiagramLayout;
}) {
  const p = useAppStore(useShallow(selectPartitioner));
  const span = layout.stages.partitioner;
  const x = span.x0 + 6;
  const w = span.x1 - span.x0 - 12;
  const top = layout.bodyY0;
  const known = p.partition >= 0;
  const rowY = rowCentre(layout, p.partition);
  // The arrow runs down a channel at the column's right edge, clear of the explanation text.
  const lane = span.x1 - 7;
  return (
    <StageFrame id="partitioner" span={span} height={layout.height} subtitle={p.partitioner}>
      {known && (
        <path
          className="partition-arrow"
          d={`M${x + 28},${top + 11} H${lane} V${rowY} H${span.x1 + 4}`}
          style={{ stroke: partitionColour(p.partition) }}
        />
      )}
      <g data-testid="partition-chip">
        <rect
          className="partition-chip"
          x={x}
          y={top}
          width={28}
          height={22}
          rx={4}
          style={{ stroke: partitionColour(p.partition) }}
        />
        <text className="partition-chip-text" x={x + 14} y={top + 15} textAnchor="middle">
          {known ? `P${p.partition}` : '–'}
        </text>
      </g>
      <StageHtml x={x} y={top + 28} width={w - 10} height={layout.bodyY1 - top - 28}>
        <div className="partition-why" data-testid="partition-why">
          {known && <strong>{REASON_TEXT[p.reason] ?? p.reason}</strong>}
          {known && <p>{p.explanation}</p>}
        </div>
      </StageHtml>
    </StageFrame>
  );
});
