/**
 * How the metric charts print numbers (d3-format): values in their metric's unit, simulated times for the cursor
 * readout and the time axis. Pure functions; NaN (Kafka's "no value yet") prints as a dash.
 */
import { format } from 'd3-format';

export type MetricUnit =
  | 'records/s'
  | 'bytes/s'
  | 'bytes'
  | 'records'
  | 'ratio'
  | 'ms'
  | 'requests';

const threeDigits = format('.3~r');
const twoDigits = format('.2~r');
const whole = format(',.0f');
const si = format('.3~s');
const oneDecimal = format(',.1f');

/** 0, 0.17, 5.08, 62.5, 606, 16,396: three significant digits, whole numbers from 1,000 up. */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1000) return whole(value);
  if (abs >= 1 || abs === 0) return threeDigits(value);
  return twoDigits(value);
}

/** 606 B, 11 kB, 33.5 MB (decimal prefixes, as the diagram prints bytes). */
export function formatByteCount(bytes: number): string {
  if (Math.abs(bytes) < 1000) return `${formatNumber(bytes)} B`;
  const s = si(bytes);
  return `${s.slice(0, -1)} ${s.slice(-1)}B`;
}

/** A metric value with its unit: `62.5 records/s`, `8.17 kB/s`, `11 kB`, `5.08 ms`, `0.456`. */
export function formatMetric(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return '–';
  switch (unit) {
    case 'bytes':
      return formatByteCount(value);
    case 'bytes/s':
      return `${formatByteCount(value)}/s`;
    case 'ms':
      return `${formatNumber(value)} ms`;
    case 'ratio':
      return formatNumber(value);
    case 'records/s':
    case 'records':
    case 'requests':
      return `${formatNumber(value)} ${unit}`;
  }
}

/** The cursor's simulated time, as the clock prints it: `1,234.5 ms`. */
export function formatSimTime(ms: number): string {
  return `${oneDecimal(ms)} ms`;
}

/** Time-axis ends: `0 ms`, `250 ms`, `2.5 s`, `10 s`. */
export function formatAxisTime(ms: number): string {
  if (ms < 1000) return `${formatNumber(ms)} ms`;
  return `${threeDigits(ms / 1000)} s`;
}
