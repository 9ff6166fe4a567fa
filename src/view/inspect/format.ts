/**
 * How the inspectors print the model's details: simulated times to the microsecond (a record's stages are often
 * microseconds apart), exact byte counts, the ids the model uses (`rec-12`, `batch-7`, `req-4`) and the words for
 * each journey stage. Pure; the texts that explain Kafka come from the model, not from here.
 */
import type { InspectTarget, JourneyStage } from '../../model/run/RunSnapshot';

const fine = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 3,
  maximumFractionDigits: 3,
});
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ratio = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const percent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** The model's "not (yet) known". */
export const UNKNOWN = '—';

/** `6.019 ms`; −1 (not yet) prints as UNKNOWN. */
export function simMs(ms: number): string {
  return ms < 0 ? UNKNOWN : `${fine.format(ms)} ms`;
}

/** `1,234 bytes`; −1 prints as UNKNOWN. */
export function byteCount(bytes: number): string {
  if (bytes < 0) return UNKNOWN;
  return `${count.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** `12,345` (a count or an offset); −1 prints as UNKNOWN. */
export function countText(n: number): string {
  return n < 0 ? UNKNOWN : count.format(n);
}

/** `0.412`. */
export function ratioText(r: number): string {
  return r < 0 ? UNKNOWN : ratio.format(r);
}

/** `1.8 %` of `whole`. */
export function percentOf(part: number, whole: number): string {
  return `${percent.format(whole > 0 ? (100 * part) / whole : 0)} %`;
}

const PREFIX: Record<InspectTarget['kind'], string> = {
  record: 'rec',
  batch: 'batch',
  request: 'req',
};

/** `rec-12`, `batch-7`, `req-4`: the model's ids. */
export function targetName(target: InspectTarget): string {
  return `${PREFIX[target.kind]}-${target.id}`;
}

/** What the inspector calls each stage of a journey (Kafka's method names where there is one). */
export const STAGE_LABELS: Readonly<Record<JourneyStage, string>> = {
  send: 'send()',
  created: 'batch created',
  onSend: 'onSend',
  serialize: 'serialize',
  partition: 'partition',
  blocked: 'blocked',
  append: 'append',
  closed: 'batch closed',
  ready: 'ready',
  drained: 'drained',
  written: 'written',
  'leader-append': 'leader append',
  replicated: 'replicated',
  acknowledged: 'acknowledged',
  callback: 'callback',
  retry: 'retry',
  split: 'split',
  truncated: 'truncated',
  failed: 'failed',
};
