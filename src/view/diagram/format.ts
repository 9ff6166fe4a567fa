/**
 * Number formats of the diagram (d3-format): counts with thousands separators, bytes with SI prefixes, simulated
 * milliseconds with one decimal below ten. One place, so every stage says "1.2 kB" the same way.
 */
import { format } from 'd3-format';

const countFormat = format(',');
const siFormat = format('.3~s');
const msFine = format('.1f');
const msCoarse = format(',.0f');

/** 12,345 */
export function formatCount(n: number): string {
  return countFormat(Math.round(n));
}

/** 512 B, 16.4 kB, 33.6 MB (decimal prefixes, as Kafka's docs count bytes in configs). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  if (Math.abs(bytes) < 1000) return `${Math.round(bytes)} B`;
  const s = siFormat(bytes);
  const prefix = s.slice(-1);
  return `${s.slice(0, -1)} ${prefix}B`;
}

/** 3.2 ms, 45 ms, 1,200 ms */
export function formatMs(ms: number): string {
  const v = Math.max(0, ms);
  return `${v < 10 ? msFine(v) : msCoarse(v)} ms`;
}
