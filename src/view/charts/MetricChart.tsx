/**
 * One metric's card: its Kafka name as the title, a short meaning, the current value(s) as text with their unit
 * (test id `metric-<name>`, the raw number in data-value; e2e tests read them), and the plot. Compact (the panel folded):
 * name and value only, the meaning moves to the tooltip.
 */
import { memo, useId } from 'react';
import type { MetricHistory } from '../../store/metricHistory';
import { ChartPlot } from './ChartPlot';
import { formatMetric, type MetricUnit } from './chartFormat';
import type { ChartSpec, SeriesSpec } from './metricCatalog';

interface MetricChartProps {
  readonly spec: ChartSpec;
  readonly history: MetricHistory;
  readonly version: number;
  readonly compact: boolean;
}

export const MetricChart = memo(function MetricChart({
  spec,
  history,
  version,
  compact,
}: MetricChartProps) {
  const titleId = useId();
  return (
    <figure
      className={compact ? 'metric-chart compact' : 'metric-chart'}
      aria-labelledby={titleId}
      title={compact ? spec.meaning : undefined}
    >
      <figcaption>
        <h3 id={titleId} className="metric-name">
          {spec.title}
        </h3>
        {!compact && (
          <p className="metric-meaning" title={spec.meaning}>
            {spec.meaning}
          </p>
        )}
      </figcaption>
      <p className="metric-values">
        {spec.series.map((s) => (
          <CurrentValue
            key={s.metric}
            series={s}
            labelled={spec.series.length > 1}
            value={history.latest(s.metric)}
            unit={spec.unit}
          />
        ))}
        {spec.unit === 'ratio' && <span className="metric-unit">{spec.unitText}</span>}
      </p>
      {!compact && <ChartPlot spec={spec} history={history} version={version} />}
    </figure>
  );
});

function CurrentValue({
  series,
  labelled,
  value,
  unit,
}: {
  series: SeriesSpec;
  labelled: boolean;
  value: number;
  unit: MetricUnit;
}) {
  const known = Number.isFinite(value);
  return (
    <span className="metric-current">
      {labelled && (
        <span className="series-key">
          <svg viewBox="0 0 16 4" aria-hidden="true" focusable="false">
            <line
              x1={0}
              x2={16}
              y1={2}
              y2={2}
              stroke={series.colour}
              strokeDasharray={series.dashed ? '5 3' : undefined}
            />
          </svg>
          {series.label}
        </span>
      )}
      <span
        className="metric-value"
        data-testid={`metric-${series.metric}`}
        data-value={known ? String(value) : ''}
        title={known ? undefined : 'no value yet: Kafka reports NaN until something is measured'}
      >
        {formatMetric(value, unit)}
      </span>
    </span>
  );
}
