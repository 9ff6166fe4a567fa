/**
 * The Callback stage, where each record's journey ends: acknowledged records arrive as dots, failed ones as crosses
 * (the marks canvas draws them), and the newest answered request says where its batches landed (partition and base
 * offset) or which error they got.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RequestView } from '../../../model/run/RunSnapshot';
import type { AppState } from '../../../store/AppState';
import { useAppStore } from '../../../store/context';
import { formatCount } from '../../diagram/format';
import type { DiagramLayout } from '../../diagram/layout';
import { StageFrame } from '../../diagram/StageFrame';

const selectCallbacks = (s: AppState) => {
  const done = s.snapshot?.sender.recentlyCompleted;
  return {
    acked: s.snapshot?.counters.acked ?? 0,
    failed: s.snapshot?.counters.failed ?? 0,
    last: done === undefined || done.length === 0 ? null : done[done.length - 1],
  };
};

/** Batch outcomes of one request: `P3 @120` for a batch written at offset 120, else its error or outcome. */
export function batchOutcomes(request: RequestView): string[] {
  return request.batches.map((b) => {
    if (b.outcome === 'acked')
      return b.baseOffset >= 0 ? `P${b.partition} @${b.baseOffset}` : `P${b.partition} ✓`;
    if (b.outcome === 'sent') return `P${b.partition} sent`;
    return `P${b.partition} ${b.error ?? b.outcome}`;
  });
}

const LINES = 4;

export const CallbackView = memo(function CallbackView({ layout }: { layout: DiagramLayout }) {
  const cb = useAppStore(useShallow(selectCallbacks));
  const span = layout.stages.callbacks;
  const x = span.x0 + 5;
  const outcomes = cb.last === null ? [] : batchOutcomes(cb.last);
  return (
    <StageFrame id="callbacks" span={span} height={layout.height} subtitle="onCompletion()">
      <text className="stage-small ok-text" x={x} y={layout.footerY0 + 10}>
        ✓ {formatCount(cb.acked)}
      </text>
      <text className="stage-small bad" x={x} y={layout.footerY0 + 26}>
        ✗ {formatCount(cb.failed)}
      </text>
      {cb.last !== null && (
        <g className="last-response" data-testid="last-response">
          <text className="stage-small muted" x={x} y={layout.bodyY0 + 10}>
            req-{cb.last.requestId}
          </text>
          {outcomes.slice(0, LINES).map((line, i) => (
            <text key={line} className="stage-small" x={x} y={layout.bodyY0 + 24 + i * 12}>
              {line}
            </text>
          ))}
          {outcomes.length > LINES && (
            <text className="stage-small muted" x={x} y={layout.bodyY0 + 24 + LINES * 12}>
              +{outcomes.length - LINES}
            </text>
          )}
        </g>
      )}
    </StageFrame>
  );
});
