/**
 * One broker: its id and condition in words ("crashed", "isolated", …) with a dashed, hatched box when it is down or
 * cut off, and its replicas: a line each (leader or follower, log end offset, high watermark, ISR) when there is
 * room, else a grid of cells (filled = leader, outlined = follower, dashed = out of the ISR).
 */
import { memo } from 'react';
import type { BrokerReport, PartitionReport } from '../../../model/run/RunSnapshot';
import { partitionColour } from '../../diagram/colours';
import type { BrokerBox } from '../../diagram/layout';
import {
  brokerStatus,
  type ReplicaView,
  replicaDetail,
  replicaLine,
  replicasOf,
} from './brokerStatus';

const HEAD = 16;
const LINE = 12;
/** Width of one character of the replica lines (9 px monospace). */
const CHAR_PX = 5.5;

export interface BrokerCardProps {
  readonly box: BrokerBox;
  readonly broker: BrokerReport;
  readonly partitions: readonly PartitionReport[];
}

export const BrokerCard = memo(function BrokerCard({ box, broker, partitions }: BrokerCardProps) {
  const status = brokerStatus(broker);
  const down = !broker.alive || broker.isolated;
  const replicas = replicasOf(broker.id, partitions);
  const width = box.x1 - box.x0;
  const bodyHeight = box.y1 - box.y0 - HEAD - 4;
  const lines = bodyHeight >= replicas.length * LINE;
  const detail = replicaDetail(replicas, Math.floor((width - 10) / CHAR_PX));
  return (
    <g
      className={down ? 'broker is-down' : 'broker'}
      data-broker={broker.id}
      data-status={status || 'ok'}
    >
      <rect
        className="broker-box"
        x={box.x0}
        y={box.y0}
        width={width}
        height={box.y1 - box.y0}
        rx={4}
      />
      <text className="broker-title" x={box.x0 + 5} y={box.y0 + 12}>
        broker {broker.id}
        {status !== '' && (
          <tspan className="broker-status">{`${down ? ' ✕' : ' ·'} ${status}`}</tspan>
        )}
      </text>
      {lines
        ? replicas.map((r, i) => (
            <text
              key={r.partition}
              className={r.inIsr ? 'replica-line' : 'replica-line is-out'}
              x={box.x0 + 5}
              y={box.y0 + HEAD + 9 + i * LINE}
            >
              {replicaLine(r, detail)}
            </text>
          ))
        : replicaGrid(replicas, gridArea(box, bodyHeight))}
      <title>{`broker ${broker.id}${status === '' ? '' : ` (${status})`}\n${replicas.map((r) => replicaLine(r)).join('\n')}`}</title>
    </g>
  );
});

/** A square as a closed subpath. */
function square(x: number, y: number, size: number): string {
  return `M${x.toFixed(1)},${y.toFixed(1)}h${size}v${size}h${-size}z`;
}

interface Area {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Under the title; in a box too short for that (many brokers, little height), beside it. */
function gridArea(box: BrokerBox, bodyHeight: number): Area {
  if (bodyHeight >= 6)
    return { x: box.x0 + 5, y: box.y0 + HEAD, width: box.x1 - box.x0 - 10, height: bodyHeight };
  const x = box.x0 + 70;
  return { x, y: box.y0 + 2, width: box.x1 - 5 - x, height: box.y1 - box.y0 - 4 };
}

/** The replicas as a grid of cells, drawn as a few paths (one per leader colour, followers, out of ISR). */
function replicaGrid(replicas: readonly ReplicaView[], area: Area) {
  const width = area.width;
  const bodyHeight = area.height;
  const n = Math.max(1, replicas.length);
  // The largest square cell that fits n cells into width × bodyHeight.
  let cell = Math.min(12, Math.sqrt((width * Math.max(4, bodyHeight)) / n));
  while (cell > 2 && Math.floor(width / cell) * Math.max(1, Math.floor(bodyHeight / cell)) < n)
    cell -= 0.5;
  const perRow = Math.max(1, Math.floor(width / cell));
  const size = Math.max(1, cell - 1);
  const leaders = ['', '', '', '', '', '', '', ''];
  let followers = '';
  let out = '';
  replicas.forEach((r, i) => {
    const d = square(area.x + (i % perRow) * cell, area.y + Math.floor(i / perRow) * cell, size);
    if (!r.inIsr) out += d;
    else if (r.leader) leaders[r.partition % 8] += d;
    else followers += d;
  });
  return (
    <g className="replica-grid" data-leaders={replicas.filter((r) => r.leader).length}>
      {leaders.map((d, c) =>
        d === '' ? null : (
          <path
            key={partitionColour(c)}
            className="replica-cell is-leader"
            d={d}
            style={{ fill: partitionColour(c) }}
          />
        ),
      )}
      {followers !== '' && <path className="replica-cell" d={followers} />}
      {out !== '' && <path className="replica-cell is-out" d={out} />}
    </g>
  );
}
