/**
 * The seed's Compression Comparison, measured: the codec's speed in this browser, the ratio of the bytes each run
 * really sent, and the throughput and latency they gave.
 */
import type { ComparisonRow } from '../../protocol/comparison';
import type { ComparisonTable } from '../../store/comparisons';
import { type CompareColumn, CompareTable } from './CompareTable';
import { LatencyCell, Measured, RowName, ThroughputCell } from './cells';
import { formatCpu, formatRatio } from './compareFormat';
import { SEED_COMPRESSION } from './seedWords';

const seed = (row: ComparisonRow) => SEED_COMPRESSION[row.label];

/** Said in the caption: the CPU column is a real measurement, but of this page's codecs. */
export const CPU_NOTE =
  "CPU: this browser's JavaScript and wasm codecs (pako, snappyjs, lz4js, zstd-wasm), timed on one full " +
  'batch.size of this workload in the comparison worker. Kafka uses native and Java codecs, so only the ranking ' +
  'carries over, not the figures.';

const COLUMNS: readonly CompareColumn[] = [
  {
    header: 'CPU (compress speed)',
    cell: (row) => <Measured value={formatCpu(row)} seed={seed(row)?.cpu} />,
  },
  {
    header: 'Compression Ratio',
    cell: (row) => (
      <Measured
        value={formatRatio(row.measured?.compressionRatio ?? null)}
        seed={seed(row)?.ratio}
      />
    ),
  },
  {
    header: 'Throughput',
    cell: (row) => <ThroughputCell row={row} seed={seed(row)?.speed} />,
  },
  { header: 'Latency p50 / p99', cell: (row) => <LatencyCell row={row} /> },
];

export function CompressionTable({ table }: { readonly table: ComparisonTable }) {
  return (
    <CompareTable
      title="COMPRESSION COMPARISON"
      table={table}
      rowHeader="Type"
      rowName={(row) => <RowName row={row} name={row.label} />}
      columns={COLUMNS}
      hasLossColumn={false}
      note={CPU_NOTE}
    />
  );
}
