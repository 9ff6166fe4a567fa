/**
 * The maths of one metric chart (d3-scale, d3-shape), read straight from the history's typed arrays: the visible
 * window in simulated time, a zero-based y scale rounded to nice values, one SVG path per series in a fixed
 * viewBox, and the cursor's moves from point to point. Pure: React draws what this returns.
 */
import { scaleLinear } from 'd3-scale';
import { curveLinear, curveStepAfter, line } from 'd3-shape';
import type { MetricHistory } from '../../store/metricHistory';

/** The plot's viewBox; the SVG stretches it to the card (lines keep their width: non-scaling strokes). */
export const PLOT_WIDTH = 240;
export const PLOT_HEIGHT = 60;

export interface ChartGeometry {
  readonly fromMs: number;
  readonly toMs: number;
  /** Top of the y axis (the bottom is 0), a nice value above the largest one drawn. */
  readonly yMax: number;
  /** One `d` per series, '' when it has no value to draw. */
  readonly paths: readonly string[];
  /** The first point inside the window (the one before it is drawn too, entering from the left edge). */
  readonly firstVisible: number;
  /** Points held; the newest is size − 1. */
  readonly size: number;
  x(ms: number): number;
  y(value: number): number;
}

export function chartGeometry(
  history: MetricHistory,
  metrics: readonly string[],
  step: boolean,
): ChartGeometry {
  const { fromMs, toMs } = history.window();
  const size = history.size;
  const first = history.firstIndexFrom(fromMs);
  const firstVisible = size > 0 && history.timeAt(first) < fromMs ? first + 1 : first;
  const slots = metrics.map((metric) => history.slotOf(metric));
  let max = 0;
  for (const slot of slots) {
    for (let i = first; i < size; i++) {
      const v = history.valueAt(slot, i);
      if (v > max) max = v;
    }
  }
  const yScale = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(4)
    .range([PLOT_HEIGHT, 0]);
  const xScale = scaleLinear()
    .domain([fromMs, toMs > fromMs ? toMs : fromMs + 1])
    .range([0, PLOT_WIDTH]);
  // The scales' own maths, unrolled: a chart redraws ~300 points per line ten times a second.
  const [x0, x1] = xScale.domain();
  const kx = PLOT_WIDTH / (x1 - x0);
  const ky = PLOT_HEIGHT / yScale.domain()[1];
  const indices = Array.from({ length: size - first }, (_, k) => first + k);
  const paths = slots.map((slot) => {
    const path = line<number>()
      .defined((i) => Number.isFinite(history.valueAt(slot, i)))
      .x((i) => (history.timeAt(i) - x0) * kx)
      .y((i) => PLOT_HEIGHT - history.valueAt(slot, i) * ky)
      .curve(step ? curveStepAfter : curveLinear)(indices);
    return path ?? '';
  });
  return {
    fromMs,
    toMs,
    yMax: yScale.domain()[1],
    paths,
    firstVisible,
    size,
    x: xScale,
    y: yScale,
  };
}

/** The point nearest `ms` among the visible ones (-1 when there is none). */
export function nearestIndex(history: MetricHistory, ms: number): number {
  const size = history.size;
  if (size === 0) return -1;
  const { fromMs } = history.window();
  const firstVisible = Math.min(size - 1, nearestAtOrAfter(history, fromMs));
  let i = Math.max(firstVisible, nearestAtOrAfter(history, ms));
  if (i >= size) i = size - 1;
  if (i > firstVisible && ms - history.timeAt(i - 1) <= history.timeAt(i) - ms) i--;
  return i;
}

function nearestAtOrAfter(history: MetricHistory, ms: number): number {
  const i = history.firstIndexFrom(ms);
  return history.timeAt(i) < ms ? i + 1 : i;
}

/** Cursor keys, as a slider takes them: one point, ten points, or either end of the window. */
export function cursorIndexAfterKey(
  history: MetricHistory,
  current: number,
  key: string,
): number | null {
  const size = history.size;
  if (size === 0) return null;
  const first = nearestIndex(history, history.window().fromMs);
  const from = current < 0 ? size - 1 : current;
  const clamp = (i: number) => Math.min(size - 1, Math.max(first, i));
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(from - 1);
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(from + 1);
    case 'PageDown':
      return clamp(from - 10);
    case 'PageUp':
      return clamp(from + 10);
    case 'Home':
      return first;
    case 'End':
      return size - 1;
    default:
      return null;
  }
}
