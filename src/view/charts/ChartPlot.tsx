/**
 * The plot of one metric chart: the lines over the simulated-time window (an SVG React owns; d3 did the maths), and
 * a cursor moved by the pointer or, once focused, by the keys a slider takes (← → one point, PageUp/PageDown ten,
 * Home/End the ends, Escape lets go). Under the plot: the time span and the y range, or, while there is a cursor,
 * the readout of its time and value(s); screen readers get the same text as the slider's value.
 */
import { type KeyboardEvent, memo, type PointerEvent, useMemo, useState } from 'react';
import type { MetricHistory } from '../../store/metricHistory';
import { formatAxisTime, formatMetric, formatSimTime } from './chartFormat';
import {
  chartGeometry,
  cursorIndexAfterKey,
  nearestIndex,
  PLOT_HEIGHT,
  PLOT_WIDTH,
} from './chartGeometry';
import type { ChartSpec } from './metricCatalog';
import { useOnScreen } from './useOnScreen';

interface Cursor {
  /** Simulated ms the cursor points at: it stays on that moment while the window slides on. */
  readonly ms: number;
  readonly by: 'pointer' | 'keyboard';
}

interface ChartPlotProps {
  readonly spec: ChartSpec;
  readonly history: MetricHistory;
  /** The history version to draw (throttled by the panel). */
  readonly version: number;
}

/** `1,234.5 ms: 11 kB`, or with several lines `1,234.5 ms: p50 5.08 ms, p99 7.06 ms`. */
export function readoutText(spec: ChartSpec, history: MetricHistory, index: number): string {
  const values = spec.series.map((s) => {
    const text = formatMetric(history.valueAt(s.metric, index), spec.unit);
    return spec.series.length > 1 ? `${s.label} ${text}` : text;
  });
  return `${formatSimTime(history.timeAt(index))}: ${values.join(', ')}`;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export const ChartPlot = memo(function ChartPlot({ spec, history, version }: ChartPlotProps) {
  const metrics = useMemo(() => spec.series.map((s) => s.metric), [spec]);
  const [plotRef, onScreen] = useOnScreen<HTMLDivElement>();
  // The history mutates in place: `version` says when it changed. Off screen, the last drawing stays.
  const drawn = onScreen ? version : -1;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `drawn` stands for the history's contents.
  const geometry = useMemo(
    () => chartGeometry(history, metrics, spec.step),
    [history, metrics, spec.step, drawn],
  );
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const index = cursor === null ? -1 : nearestIndex(history, cursor.ms);
  const readout = index < 0 ? null : readoutText(spec, history, index);
  const latest =
    geometry.size === 0 ? 'no values yet' : readoutText(spec, history, geometry.size - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      setCursor(null);
      return;
    }
    const next = cursorIndexAfterKey(history, index, e.key);
    if (next === null) return;
    e.preventDefault();
    setCursor({ ms: history.timeAt(next), by: 'keyboard' });
  };
  const onFocus = () => {
    // Pinned on the newest point, so the value a screen reader hears does not change under it while time runs.
    if (cursor === null && geometry.size > 0) {
      setCursor({ ms: history.timeAt(geometry.size - 1), by: 'keyboard' });
    }
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    if (box.width <= 0 || geometry.size === 0) return;
    const fraction = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
    const ms = geometry.fromMs + fraction * (geometry.toMs - geometry.fromMs);
    setCursor({ ms: history.timeAt(nearestIndex(history, ms)), by: 'pointer' });
  };
  const letGo = (by: Cursor['by']) => {
    if (cursor?.by === by) setCursor(null);
  };

  const cursorX = index < 0 ? 0 : geometry.x(history.timeAt(index));
  return (
    <div className="chart-body">
      <div
        ref={plotRef}
        className="chart-plot"
        role="slider"
        tabIndex={0}
        aria-label={`${spec.title} over simulated time`}
        aria-valuemin={round(geometry.fromMs)}
        aria-valuemax={round(geometry.toMs)}
        aria-valuenow={round(index < 0 ? geometry.toMs : history.timeAt(index))}
        aria-valuetext={readout ?? `latest ${latest}`}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={() => letGo('keyboard')}
        onPointerMove={onPointerMove}
        onPointerLeave={() => letGo('pointer')}
      >
        <svg
          viewBox={`0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}`}
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          <line className="chart-gridline" x1={0} x2={PLOT_WIDTH} y1={0.5} y2={0.5} />
          <line
            className="chart-gridline"
            x1={0}
            x2={PLOT_WIDTH}
            y1={PLOT_HEIGHT / 2}
            y2={PLOT_HEIGHT / 2}
          />
          {geometry.paths.map((d, k) => (
            <path
              key={spec.series[k].metric}
              className="chart-line"
              d={d}
              stroke={spec.series[k].colour}
              strokeDasharray={spec.series[k].dashed ? '5 3' : undefined}
            />
          ))}
          {index >= 0 && (
            <line className="chart-cursor" x1={cursorX} x2={cursorX} y1={0} y2={PLOT_HEIGHT} />
          )}
        </svg>
        {index >= 0 &&
          spec.series.map((s) => {
            const v = history.valueAt(s.metric, index);
            if (!Number.isFinite(v)) return null;
            const style = {
              left: `${(cursorX / PLOT_WIDTH) * 100}%`,
              top: `${(geometry.y(v) / PLOT_HEIGHT) * 100}%`,
              borderColor: s.colour,
            };
            return <span key={s.metric} className="chart-dot" style={style} />;
          })}
      </div>
      {readout === null ? (
        <div className="chart-axis" aria-hidden="true">
          <span>{formatAxisTime(geometry.fromMs)}</span>
          <span>0 – {formatMetric(geometry.yMax, spec.unit)}</span>
          <span>{formatAxisTime(geometry.toMs)}</span>
        </div>
      ) : (
        <p className="chart-axis chart-readout">{readout}</p>
      )}
    </div>
  );
});
