/** The seed's ACKS COMPARISON, filled with the measured values of each acks run (and the seed's words beside). */
import type { ComparisonRow } from '../../protocol/comparison';
import type { ComparisonTable } from '../../store/comparisons';
import { type CompareColumn, CompareTable } from './CompareTable';
import { DurabilityCell, LatencyCell, LossCell, RowName, ThroughputCell } from './cells';
import { SEED_ACKS } from './seedWords';

const seed = (row: ComparisonRow) => SEED_ACKS[row.label];

const COLUMNS: readonly CompareColumn[] = [
  {
    header: 'Durability',
    cell: (row) => <DurabilityCell row={row} seed={seed(row)?.durability} />,
  },
  {
    header: 'Latency p50 / p99',
    cell: (row) => <LatencyCell row={row} seed={seed(row)?.latency} />,
  },
  {
    header: 'Throughput',
    cell: (row) => <ThroughputCell row={row} seed={seed(row)?.throughput} />,
  },
  {
    header: 'Data loss (measured)',
    cell: (row) => <LossCell row={row} seed={seed(row)?.risk} />,
  },
];

export function AcksTable({ table }: { readonly table: ComparisonTable }) {
  return (
    <CompareTable
      title="ACKS COMPARISON"
      table={table}
      rowHeader="acks"
      rowName={(row) => <RowName row={row} name={row.label} />}
      columns={COLUMNS}
      hasLossColumn
    />
  );
}
