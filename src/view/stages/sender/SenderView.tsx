/**
 * The Sender stage: per broker (in line with its box) whether ready() found it sendable, its in-flight requests as
 * slots out of max.in.flight.requests.per.connection, and the newest request drain() built for it; beneath, the
 * batches waiting out their retry backoff (RetryList). A click on the newest request's line inspects it.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RequestView } from '../../../model/run/RunSnapshot';
import type { AppState } from '../../../store/AppState';
import { useAppStore } from '../../../store/context';
import { formatBytes } from '../../diagram/format';
import type { BrokerBox, DiagramLayout } from '../../diagram/layout';
import { StageFrame } from '../../diagram/StageFrame';
import { RetryList } from './RetryList';

const NO_NODES: readonly number[] = [];
const NO_REQUESTS: readonly RequestView[] = [];
const selectSender = (s: AppState) => ({
  readyNodes: s.snapshot?.sender.readyNodes ?? NO_NODES,
  inFlight: s.snapshot?.sender.inFlight ?? NO_REQUESTS,
  maxInFlight: s.snapshot?.sender.maxInFlightPerConnection ?? 5,
});

/** Slots drawn one by one up to this; beyond it a bar stands for them. */
const MAX_SLOTS = 10;

export const SenderView = memo(function SenderView({ layout }: { layout: DiagramLayout }) {
  const sender = useAppStore(useShallow(selectSender));
  const span = layout.stages.sender;
  return (
    <StageFrame
      id="sender"
      span={span}
      height={layout.height}
      subtitle={`max.in.flight ${sender.maxInFlight}`}
    >
      {layout.brokers.map((box) => {
        const requests = sender.inFlight.filter((r) => r.node === box.id);
        return (
          <NodeLane
            key={box.id}
            box={box}
            x0={span.x0 + 6}
            x1={span.x1 - 6}
            ready={sender.readyNodes.includes(box.id)}
            requests={requests}
            maxInFlight={sender.maxInFlight}
          />
        );
      })}
      <RetryList x={span.x0 + 6} width={span.x1 - span.x0 - 12} y={layout.footerY0} />
    </StageFrame>
  );
});

interface NodeLaneProps {
  readonly box: BrokerBox;
  readonly x0: number;
  readonly x1: number;
  readonly ready: boolean;
  readonly requests: readonly RequestView[];
  readonly maxInFlight: number;
}

function NodeLane({ box, x0, x1, ready, requests, maxInFlight }: NodeLaneProps) {
  const height = box.y1 - box.y0;
  const used = requests.length;
  const newest = requests[requests.length - 1];
  // Three densities: words and the newest request when the lane is tall, else label and slots, else one line.
  const tall = height >= 56;
  const oneLine = height < 26;
  const labelWidth = oneLine ? 30 : 0;
  const shown = Math.min(maxInFlight, MAX_SLOTS);
  const maxSlot = oneLine ? Math.max(3, height - 4) : 12;
  const slot = Math.max(3, Math.min(maxSlot, (x1 - x0 - labelWidth - 4) / shown - 2));
  const top = tall ? box.cy - 24 : oneLine ? box.cy - slot / 2 - 15 : box.cy - 13;
  const slotsX = x0 + labelWidth;
  return (
    <g className="node-lane" data-node={box.id} data-in-flight={used}>
      <text
        className={ready ? 'node-ready is-ready' : 'node-ready'}
        x={x0}
        y={oneLine ? box.cy + 3.5 : top + 10}
      >
        {oneLine ? `n${box.id}` : `node ${box.id}`}
        {ready ? (oneLine ? '•' : ' · ready') : ''}
      </text>
      {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a g is not interactive; role img names the graphic */}
      <g
        className="slots"
        role="img"
        aria-label={`node ${box.id}: ${used} of ${maxInFlight} in flight`}
      >
        {maxInFlight <= MAX_SLOTS ? (
          Array.from({ length: shown }, (_, i) => (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: slots are positions, not items
              key={i}
              className={i < used ? 'slot is-used' : 'slot'}
              x={slotsX + i * (slot + 2)}
              y={top + 15}
              width={slot}
              height={slot}
            />
          ))
        ) : (
          <>
            <rect className="slot" x={slotsX} y={top + 15} width={x1 - slotsX} height={slot} />
            <rect
              className="slot is-used"
              x={slotsX}
              y={top + 15}
              width={((x1 - slotsX) * Math.min(used, maxInFlight)) / maxInFlight}
              height={slot}
            />
          </>
        )}
      </g>
      {tall && (
        <text className="stage-small muted" x={x0} y={top + 15 + slot + 12}>
          {used}/{maxInFlight} in flight
        </text>
      )}
      {tall && newest !== undefined && (
        <text
          className="stage-small"
          x={x0}
          y={top + 15 + slot + 25}
          data-request={newest.requestId}
        >
          req-{newest.requestId}: {newest.batches.length} batch
          {newest.batches.length === 1 ? '' : 'es'}, {formatBytes(newest.sizeInBytes)}
        </text>
      )}
    </g>
  );
}
