/**
 * "Compare, measured": three buttons that run the current scenario headless in the comparison worker (the live
 * simulation keeps running) under each acks value, each compression.type and the seed's three recommended
 * configurations, a progress bar while it runs, and the seed's tables filled with what was measured. The tables
 * open in a wide panel over the diagram (the settings column is too narrow for them); Escape or "Hide tables"
 * folds it, and the focus goes back to the button that opens it again.
 */
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { ComparisonKind } from '../../protocol/comparison';
import {
  type ComparisonTable,
  selectComparisonsAvailable,
  selectComparisonTable,
  selectRunningComparison,
  useComparisons,
} from '../../store/comparisons';
import { AcksTable } from './AcksTable';
import { CompareProgress, KIND_TITLES } from './CompareProgress';
import { CompressionTable } from './CompressionTable';
import { RecommendedTable } from './RecommendedTable';
import './compare.css';

const BUTTONS: readonly { readonly kind: ComparisonKind; readonly name: string }[] = [
  { kind: 'acks', name: 'Compare acks' },
  { kind: 'compression', name: 'Compare compression.type' },
  { kind: 'recommended', name: 'Compare recommended settings' },
];

const selectAcks = selectComparisonTable('acks');
const selectCompression = selectComparisonTable('compression');
const selectRecommended = selectComparisonTable('recommended');

export function ComparePanel() {
  const headingId = useId();
  const resultsId = useId();
  const available = useComparisons(selectComparisonsAvailable);
  const running = useComparisons(selectRunningComparison);
  const run = useComparisons((s) => s.run);
  const cancel = useComparisons((s) => s.cancel);
  const acks = useComparisons(selectAcks);
  const compression = useComparisons(selectCompression);
  const recommended = useComparisons(selectRecommended);
  const [shown, setShown] = useState(true);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const tables = [acks, compression, recommended].filter((t): t is ComparisonTable => t !== null);
  const runningTable = tables.find((t) => t.kind === running) ?? null;

  const start = (kind: ComparisonKind) => {
    run(kind);
    setShown(true);
  };
  const hide = () => {
    setShown(false);
    toggleRef.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') hide();
  };

  return (
    <section className="compare-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Compare, measured</h2>
      <p className="doc">
        Runs the current scenario in a separate worker once per setting, and fills the seed's tables
        with what it measured. The live simulation keeps running.
      </p>
      <div className="compare-buttons">
        {BUTTONS.map((b) => (
          <button key={b.kind} type="button" disabled={!available} onClick={() => start(b.kind)}>
            {b.name}
          </button>
        ))}
      </div>
      {!available ? <p className="muted">No comparison worker on this page.</p> : null}
      {runningTable !== null ? <CompareProgress table={runningTable} onCancel={cancel} /> : null}
      <p className="visually-hidden" aria-live="polite">
        {tables.map(announcement).join(' ')}
      </p>
      {tables.length > 0 ? (
        <button
          ref={toggleRef}
          type="button"
          aria-expanded={shown}
          aria-controls={resultsId}
          onClick={() => (shown ? hide() : setShown(true))}
        >
          {shown ? 'Hide tables' : 'Show tables'}
        </button>
      ) : null}
      {shown && tables.length > 0 ? (
        // Escape folds the panel from anywhere inside it; the buttons stay the keyboard way in.
        <section
          id={resultsId}
          className="compare-results"
          aria-label="Comparison tables"
          onKeyDown={onKeyDown}
        >
          <div className="compare-results-head">
            <h2>Comparison tables</h2>
            <button type="button" onClick={hide}>
              Hide tables
            </button>
          </div>
          {tables.map((t) =>
            t.error === null ? null : (
              <p key={t.kind} role="alert" className="compare-error">
                {KIND_TITLES[t.kind]} could not run: {t.error.message}
              </p>
            ),
          )}
          {acks?.setup ? <AcksTable table={acks} /> : null}
          {compression?.setup ? <CompressionTable table={compression} /> : null}
          {recommended?.setup ? <RecommendedTable table={recommended} /> : null}
        </section>
      ) : null}
    </section>
  );
}

/** What the live region says about a table: only when it ends, so progress does not chatter. */
function announcement(t: ComparisonTable): string {
  const title = KIND_TITLES[t.kind];
  if (t.status === 'done') return `${title} measured: ${t.rows.length} rows.`;
  if (t.status === 'cancelled') return `${title} cancelled.`;
  if (t.status === 'error') return `${title} could not run.`;
  return '';
}
