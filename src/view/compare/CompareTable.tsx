/**
 * The frame every comparison table shares: a heading in the seed's words, a caption saying what was run, the
 * column headers, and one row per variant in the table's order. Rows not measured yet say so (the table is
 * aria-busy meanwhile); a variant Kafka refused shows Kafka's message across the row.
 */
import { type ReactNode, useId } from 'react';
import type { ComparisonRow } from '../../protocol/comparison';
import type { ComparisonTable } from '../../store/comparisons';
import { describeLossRun, describeRuns } from './compareFormat';

export interface CompareColumn {
  readonly header: string;
  readonly cell: (row: ComparisonRow) => ReactNode;
}

export interface CompareTableProps {
  /** The seed's table title (`ACKS COMPARISON`). */
  readonly title: string;
  readonly table: ComparisonTable;
  /** Header of the first column, whose cells name the rows (`acks`, `Type`). */
  readonly rowHeader: string;
  readonly rowName: (row: ComparisonRow) => ReactNode;
  readonly columns: readonly CompareColumn[];
  /** Says what the loss column ran (tables without one leave it out). */
  readonly hasLossColumn: boolean;
  /** More caption, e.g. where the CPU column's figures come from. */
  readonly note?: string;
}

export function CompareTable(props: CompareTableProps) {
  const { title, table, rowHeader, rowName, columns, hasLossColumn, note } = props;
  const headingId = useId();
  const setup = table.setup;
  const variants = setup?.variants ?? table.rows.map((r) => ({ id: r.id, label: r.label }));
  const running = table.status === 'running';
  const pending = running ? 'measuring…' : 'not measured (the comparison stopped)';
  return (
    <section className="compare-table" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <table aria-busy={running}>
        <caption>
          {setup === null ? 'Starting…' : describeRuns(setup)}
          {setup !== null && hasLossColumn ? ` ${describeLossRun(setup, table.rows)}` : ''}
          {note ? ` ${note}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {variants.map((v) => {
            const row = table.rows.find((r) => r.id === v.id);
            return (
              <tr key={v.id}>
                <th scope="row">{row === undefined ? v.label : rowName(row)}</th>
                {row === undefined ? (
                  <td colSpan={columns.length} className="muted">
                    {pending}
                  </td>
                ) : row.error !== null ? (
                  <td colSpan={columns.length} className="compare-refused">
                    Kafka refuses this configuration: {row.error}
                  </td>
                ) : (
                  columns.map((c) => <td key={c.header}>{c.cell(row)}</td>)
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
