/**
 * The NetworkClient stage: one wire per broker, in line with its box. Requests travel on it as boxes (near the
 * Sender while still being written, near the broker once written and waiting for the answer); responses that just
 * came back show beneath it, heading left, with ✓ or ✗ (and the error) so the outcome is not told by colour alone.
 * A click on a request inspects it (inspect/useMarkClicks); the inspected one wears a frame.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RequestView } from '../../../model/run/RunSnapshot';
import type { AppState } from '../../../store/AppState';
import { useAppStore } from '../../../store/context';
import type { BrokerBox, DiagramLayout } from '../../diagram/layout';
import { StageFrame } from '../../diagram/StageFrame';

const NO_REQUESTS: readonly RequestView[] = [];
const selectNetwork = (s: AppState) => ({
  inFlight: s.snapshot?.sender.inFlight ?? NO_REQUESTS,
  completed: s.snapshot?.sender.recentlyCompleted ?? NO_REQUESTS,
  acks: s.snapshot?.settings.acks ?? -1,
  selectedRequest: s.selected?.kind === 'request' ? s.selected.id : -1,
});

/** Requests drawn per wire; the rest are counted. */
const SHOWN = 4;

/** Whether every batch of an answered request was acknowledged (or, for acks=0, written). */
export function requestSucceeded(request: RequestView): boolean {
  return (
    request.clientError === null &&
    request.batches.every((b) => b.outcome === 'acked' || b.outcome === 'sent')
  );
}

export const NetworkClientView = memo(function NetworkClientView({
  layout,
}: {
  layout: DiagramLayout;
}) {
  const net = useAppStore(useShallow(selectNetwork));
  const span = layout.stages.network;
  return (
    <StageFrame
      id="network"
      span={span}
      height={layout.height}
      subtitle={`acks=${net.acks === -1 ? 'all' : net.acks}`}
    >
      {layout.brokers.map((box) => (
        <Wire
          key={box.id}
          box={box}
          x0={span.x0}
          x1={span.x1}
          requests={net.inFlight.filter((r) => r.node === box.id)}
          responses={net.completed.filter((r) => r.node === box.id)}
          selectedRequest={net.selectedRequest}
        />
      ))}
    </StageFrame>
  );
});

interface WireProps {
  readonly box: BrokerBox;
  readonly x0: number;
  readonly x1: number;
  readonly requests: readonly RequestView[];
  readonly responses: readonly RequestView[];
  /** The request the inspector looks at, −1 for none. */
  readonly selectedRequest: number;
}

function Wire({ box, x0, x1, requests, responses, selectedRequest }: WireProps) {
  const y = box.cy;
  const w = x1 - x0;
  const roomy = box.y1 - box.y0 >= 48;
  const pill = Math.min(34, (w - 8) / SHOWN - 2);
  const last = responses[responses.length - 1];
  return (
    <g className="wire" data-node={box.id} data-requests={requests.length}>
      <line className="wire-line" x1={x0} x2={x1} y1={y} y2={y} />
      {requests.slice(-SHOWN).map((r, i) => {
        // Written requests wait at the broker's end; those still being written sit at the Sender's end.
        const x = r.sentMs >= 0 ? x1 - 4 - (i + 1) * (pill + 2) : x0 + 4 + i * (pill + 2);
        return (
          <g
            key={r.requestId}
            className={r.sentMs >= 0 ? 'request is-sent' : 'request'}
            data-request={r.requestId}
          >
            {r.requestId === selectedRequest && (
              <rect
                className="selected-frame"
                x={x - 3}
                y={y - 19}
                width={pill + 6}
                height={17}
                rx={3}
              />
            )}
            <rect className="request-box" x={x} y={y - 16} width={pill} height={11} rx={2} />
            <title>{`req-${r.requestId} to node ${r.node}: ${r.batches.length} batches`}</title>
          </g>
        );
      })}
      {requests.length > SHOWN && (
        <text className="stage-small muted" x={x0 + 4} y={y - 20}>
          {requests.length} requests
        </text>
      )}
      {roomy && last !== undefined && (
        <text
          className={requestSucceeded(last) ? 'response is-ok' : 'response is-bad'}
          x={x0 + 4}
          y={y + 16}
        >
          ← {requestSucceeded(last) ? '✓' : '✗'} req-{last.requestId}
          {requestSucceeded(last) ? '' : ` ${failureText(last)}`}
        </text>
      )}
    </g>
  );
}

function failureText(request: RequestView): string {
  if (request.clientError !== null) return request.clientError;
  const failed = request.batches.find((b) => b.error !== null);
  return failed?.error ?? '';
}
