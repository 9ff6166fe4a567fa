/**
 * The pieces of a comparison table's cells: a measured value with its detail line and, where the seed has a word
 * for it, "seed says: …" beside it (text, not colour, carries the comparison). Shared by the three tables.
 */
import type { ReactNode } from 'react';
import type { ComparisonRow } from '../../protocol/comparison';
import {
  formatLatencyPair,
  formatLossDetail,
  formatMissing,
  formatThroughput,
} from './compareFormat';

export interface MeasuredProps {
  readonly value: ReactNode;
  readonly detail?: ReactNode;
  /** The seed's word for this cell, if it has one. */
  readonly seed?: string;
}

export function Measured({ value, detail, seed }: MeasuredProps) {
  return (
    <>
      <span className="measured">{value}</span>
      {detail ? <span className="measured-detail">{detail}</span> : null}
      {seed ? <span className="seed-says">seed says: {seed}</span> : null}
    </>
  );
}

/** The row's name, and Kafka's notes on what the row had to change or what Kafka logged. */
export function RowName({ row, name }: { readonly row: ComparisonRow; readonly name: ReactNode }) {
  return (
    <>
      <span className="row-name">{name}</span>
      {row.notes.length > 0 ? (
        <ul className="row-notes">
          {row.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function DurabilityCell({
  row,
  seed,
}: {
  readonly row: ComparisonRow;
  readonly seed?: string;
}) {
  const d = row.durability;
  return <Measured value={d?.level ?? '—'} detail={d?.reason} seed={seed} />;
}

export function LatencyCell({
  row,
  seed,
}: {
  readonly row: ComparisonRow;
  readonly seed?: string;
}) {
  return <Measured value={formatLatencyPair(row)} seed={seed} />;
}

/** The most the variant sends (unthrottled), and what it did at the workload's own rate. */
export function ThroughputCell({
  row,
  seed,
}: {
  readonly row: ComparisonRow;
  readonly seed?: string;
}) {
  const { measured, capacity } = row;
  if (measured === null) return <Measured value="—" seed={seed} />;
  const atRate = formatThroughput(measured.recordsPerSec, measured.mbPerSec);
  if (capacity === null) return <Measured value={atRate} detail="unthrottled" seed={seed} />;
  return (
    <Measured
      value={formatThroughput(capacity.recordsPerSec, capacity.mbPerSec)}
      detail={`at the workload's rate: ${atRate}`}
      seed={seed}
    />
  );
}

export function LossCell({ row, seed }: { readonly row: ComparisonRow; readonly seed?: string }) {
  return <Measured value={formatMissing(row)} detail={formatLossDetail(row)} seed={seed} />;
}
