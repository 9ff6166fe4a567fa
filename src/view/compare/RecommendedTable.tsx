/**
 * The seed's three recommended configurations (§12) applied to the current workload and cluster, measured side by
 * side: what each sets, the durability it buys, and what it costs in latency and throughput.
 */
import type { ComparisonRow } from '../../protocol/comparison';
import type { ComparisonTable } from '../../store/comparisons';
import { type CompareColumn, CompareTable } from './CompareTable';
import { DurabilityCell, LatencyCell, LossCell, Measured, RowName, ThroughputCell } from './cells';
import { formatRatio } from './compareFormat';
import { SEED_RECOMMENDED } from './seedWords';

/** `max.in.flight.requests.per.connection=5` may wrap after each dot and the `=`, so the table fits the panel. */
function Breakable({ text }: { readonly text: string }) {
  const parts = text.split(/(?<=[.=])/);
  return (
    <>
      {parts.map((part, i) => (
        // Parts of one fixed string: their position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
        <span key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </span>
      ))}
    </>
  );
}

function Settings({ row }: { readonly row: ComparisonRow }) {
  return (
    <ul className="row-settings">
      {Object.entries(row.settings).map(([key, value]) => (
        <li key={key}>
          <code>
            <Breakable text={`${key}=${value}`} />
          </code>
        </li>
      ))}
    </ul>
  );
}

const COLUMNS: readonly CompareColumn[] = [
  { header: 'Settings', cell: (row) => <Settings row={row} /> },
  { header: 'Durability', cell: (row) => <DurabilityCell row={row} /> },
  { header: 'Latency p50 / p99', cell: (row) => <LatencyCell row={row} /> },
  { header: 'Throughput', cell: (row) => <ThroughputCell row={row} /> },
  {
    header: 'Compression Ratio',
    cell: (row) => <Measured value={formatRatio(row.measured?.compressionRatio ?? null)} />,
  },
  { header: 'Data loss (measured)', cell: (row) => <LossCell row={row} /> },
];

export function RecommendedTable({ table }: { readonly table: ComparisonTable }) {
  return (
    <CompareTable
      title="RECOMMENDED CONFIGURATIONS"
      table={table}
      rowHeader="Configuration"
      rowName={(row) => (
        <RowName
          row={row}
          name={
            <>
              {row.label}
              {SEED_RECOMMENDED[row.id] ? (
                <span className="seed-says">seed: {SEED_RECOMMENDED[row.id]}</span>
              ) : null}
            </>
          }
        />
      )}
      columns={COLUMNS}
      hasLossColumn
      note="Each preset's producer settings (and its min.insync.replicas) laid over the current scenario."
    />
  );
}
