/**
 * The live metric charts under the diagram: one small chart per producer metric, in a compact grid that folds to a
 * row of current values. x is simulated time (the last 10 s, or the whole run while shorter), so the charts
 * follow the simulated clock and stand still with it; they redraw at most ten times a second.
 */
import { useId, useState } from 'react';
import { useAppStore } from '../../store/context';
import { selectMetricHistory } from '../../store/selectors';
import { formatAxisTime } from './chartFormat';
import { MetricChart } from './MetricChart';
import { CHARTS } from './metricCatalog';
import { CHART_REFRESH_MS, useHistoryVersion } from './useHistoryVersion';
import './charts.css';

export interface MetricChartsPanelProps {
  /** Wall ms between redraws (tests pass 0 to see every snapshot at once). */
  readonly refreshMs?: number;
}

export function MetricChartsPanel({ refreshMs = CHART_REFRESH_MS }: MetricChartsPanelProps) {
  const history = useAppStore(selectMetricHistory);
  const version = useHistoryVersion(history, refreshMs);
  const [open, setOpen] = useState(true);
  const headingId = useId();
  const gridId = useId();
  if (history === null) return null;
  return (
    <section className="metric-charts" aria-labelledby={headingId}>
      <div className="metric-charts-head">
        <h2 id={headingId}>Producer metrics</h2>
        <p className="metric-charts-note">
          Kafka’s names over simulated time (the last {formatAxisTime(history.windowMs)}). Point at
          a chart, or focus it and press ← →, for values. Rates divide by Kafka’s metric window (at
          least 30 s), so they climb at first.
        </p>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={gridId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Fold charts' : 'Show charts'}
        </button>
      </div>
      <div id={gridId} className={open ? 'metric-grid' : 'metric-grid compact'}>
        {CHARTS.map((spec) => (
          <MetricChart
            key={spec.id}
            spec={spec}
            history={history}
            version={version}
            compact={!open}
          />
        ))}
      </div>
    </section>
  );
}
