/**
 * How the controls print and step their values: simulated time, byte sizes, speeds, and the log-scale stops of the
 * sliders (nice values plus the current value when a link set an off-grid one). Pure functions.
 */
import type { Speed } from '../../protocol/messages';

const oneDecimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** The simulated clock: `1,234.5 ms`. */
export function formatClock(ms: number): string {
  return `${oneDecimal.format(ms)} ms`;
}

/** `20 ms`, `1,000 ms`. */
export function formatMs(ms: number): string {
  return `${plain.format(ms)} ms`;
}

/** Powers of two in KiB / MiB (`16 KiB`), anything else in bytes (`1,000 bytes`). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1048576 && bytes % 1048576 === 0) return `${plain.format(bytes / 1048576)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${plain.format(bytes / 1024)} KiB`;
  return `${plain.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** `linger.ms` stops: a log scale over nice values (0 first, since it means "send at once"). */
export const LINGER_STOPS: readonly number[] = [
  0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000,
];

/** `batch.size` stops: 1 KiB … 1 MiB in powers of two. */
export const BATCH_SIZE_STOPS: readonly number[] = Array.from(
  { length: 11 },
  (_, i) => 1024 * 2 ** i,
);

/** The slider's stops with `current` inserted in order when it is not one of them. */
export function stopsWith(stops: readonly number[], current: number): readonly number[] {
  if (!Number.isFinite(current) || stops.includes(current)) return stops;
  return [...stops, current].sort((a, b) => a - b);
}

/**
 * Speeds in simulated ms per wall second, log scale: from 1 (a millisecond takes a second: linger countdowns are
 * watchable) through 1000 (real time) to as fast as the worker can go.
 */
export const SPEED_STOPS: readonly Speed[] = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  1000,
  2000,
  5000,
  10000,
  'max',
];

/** The stop nearest to `speed` on the log scale. */
export function speedIndex(speed: Speed): number {
  if (speed === 'max') return SPEED_STOPS.length - 1;
  let best = 0;
  for (let i = 0; i < SPEED_STOPS.length - 1; i++) {
    const stop = SPEED_STOPS[i] as number;
    const bestStop = SPEED_STOPS[best] as number;
    if (Math.abs(Math.log(stop / speed)) < Math.abs(Math.log(bestStop / speed))) best = i;
  }
  return best;
}

/** `10 ms per second`, `real time`, `max`. */
export function speedText(speed: Speed): string {
  if (speed === 'max') return 'max';
  if (speed === 1000) return 'real time';
  return `${plain.format(speed)} ms per second`;
}
