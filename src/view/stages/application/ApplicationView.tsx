/**
 * The application stage: the thread calling KafkaProducer.send() — how often (the workload's throughput), in which
 * send mode, how many calls so far, and a caller visibly blocked (dashed, "BLOCKED", the reason) while send() waits
 * for buffer memory or a sync send waits in get().
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../../store/AppState';
import { useAppStore } from '../../../store/context';
import { formatCount } from '../../diagram/format';
import type { DiagramLayout } from '../../diagram/layout';
import { StageFrame } from '../../diagram/StageFrame';
import { StageHtml } from '../../diagram/StageHtml';

const selectApplication = (s: AppState) => {
  const snap = s.snapshot;
  return {
    state: snap?.application.state ?? 'sending',
    sendMode: snap?.application.sendMode ?? 'async',
    blockedSends: snap?.application.blockedSends ?? 0,
    sendExceptions: snap?.application.sendExceptions ?? 0,
    throughput: snap?.settings.throughput ?? 0,
    sendCalls: snap?.counters.sendCalls ?? 0,
  };
};

/** Why the caller is stuck, or null while send() returns freely. */
export function blockedReason(state: string): string | null {
  if (state === 'blocked') return 'buffer.memory full';
  if (state === 'awaiting-ack') return 'sync: waiting in get()';
  return null;
}

export const ApplicationView = memo(function ApplicationView({
  layout,
}: {
  layout: DiagramLayout;
}) {
  const app = useAppStore(useShallow(selectApplication));
  const span = layout.stages.application;
  const reason = blockedReason(app.state);
  const rate = app.throughput < 0 ? 'unthrottled' : `${formatCount(app.throughput)} /s`;
  return (
    <StageFrame id="application" span={span} height={layout.height} subtitle="send()">
      <StageHtml
        x={span.x0 + 4}
        y={layout.bodyY0}
        width={span.x1 - span.x0 - 8}
        height={layout.bodyY1 - layout.bodyY0}
        className="application"
      >
        <div className="app-rate">{rate}</div>
        <div className="muted">{app.sendMode}</div>
        <div className={reason === null ? 'caller' : 'caller is-blocked'} data-testid="caller">
          <strong>{reason === null ? app.state : 'BLOCKED'}</strong>
          <span>{reason ?? `send() ×${formatCount(app.sendCalls)}`}</span>
        </div>
        {app.blockedSends > 0 && (
          <div className="muted">blocked {formatCount(app.blockedSends)}×</div>
        )}
        {app.sendExceptions > 0 && (
          <div className="bad-text">{formatCount(app.sendExceptions)} threw</div>
        )}
      </StageHtml>
    </StageFrame>
  );
});
