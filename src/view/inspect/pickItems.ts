/**
 * The pick lists' lines, read from a snapshot: the most recent records (`rec-12 · key "user-3" · P4 · acked`),
 * the batches in the accumulator and in flight, and the produce requests in flight or just answered — newest
 * first. Each selector keeps one result per input, so it returns the same array until the snapshot changes.
 */
import type { InspectTarget, RecordSummary, RunSnapshot } from '../../model/run/RunSnapshot';
import type { AppState } from '../../store/AppState';
import { formatBytes } from '../diagram/format';

export interface PickItem {
  readonly target: InspectTarget;
  /** The button's text and accessible name (unique within its list). */
  readonly label: string;
}

const NONE: readonly PickItem[] = Object.freeze([]);

/** `rec-12 · key "user-3" · P4 · acked`. */
export function recordLabel(r: RecordSummary): string {
  const key = r.key === null ? 'key null' : `key "${r.key}"`;
  const partition = r.partition < 0 ? 'P?' : `P${r.partition}`;
  return `rec-${r.id} · ${key} · ${partition} · ${r.status}`;
}

export function recordItems(records: readonly RecordSummary[]): PickItem[] {
  const out: PickItem[] = [];
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    out.push({ target: { kind: 'record', id: r.id }, label: recordLabel(r) });
  }
  return out;
}

export function batchItems(s: RunSnapshot): PickItem[] {
  const out: PickItem[] = [];
  const seen = new Set<number>();
  for (const request of s.sender.inFlight) {
    for (const b of request.batches) {
      seen.add(b.batchId);
      out.push({
        target: { kind: 'batch', id: b.batchId },
        label: `batch-${b.batchId} · P${b.partition} · ${b.recordCount} rec · in req-${request.requestId}`,
      });
    }
  }
  for (const queue of s.accumulator) {
    for (const b of queue.batches) {
      if (seen.has(b.id)) continue;
      const state = b.closeReason === null ? 'open' : b.attempts > 0 ? 'retrying' : 'closed';
      out.push({
        target: { kind: 'batch', id: b.id },
        label: `batch-${b.id} · P${b.partition} · ${b.recordCount} rec · ${formatBytes(b.sizeInBytes)} · ${state}`,
      });
    }
  }
  return out.sort((a, b) => b.target.id - a.target.id);
}

export function requestItems(s: RunSnapshot): PickItem[] {
  const out: PickItem[] = [];
  const seen = new Set<number>();
  for (const r of [...s.sender.recentlyCompleted, ...s.sender.inFlight]) {
    if (seen.has(r.requestId)) continue;
    seen.add(r.requestId);
    const state = r.responseMs >= 0 ? 'answered' : r.sentMs >= 0 ? 'in flight' : 'being written';
    const batches = `${r.batches.length} batch${r.batches.length === 1 ? '' : 'es'}`;
    out.push({
      target: { kind: 'request', id: r.requestId },
      label: `req-${r.requestId} · broker ${r.node} · ${batches} · ${state}`,
    });
  }
  return out.sort((a, b) => b.target.id - a.target.id);
}

/** A selector over one input that recomputes only when the input changes. */
function memoised<I>(
  input: (s: AppState) => I | null | undefined,
  compute: (i: I) => PickItem[],
): (s: AppState) => readonly PickItem[] {
  let last: I | null | undefined;
  let result: readonly PickItem[] = NONE;
  return (s) => {
    const i = input(s);
    if (i !== last) {
      last = i;
      result = i == null ? NONE : compute(i);
    }
    return result;
  };
}

export const selectRecordItems = memoised((s) => s.snapshot?.recentRecords, recordItems);
export const selectBatchItems = memoised((s) => s.snapshot, batchItems);
export const selectRequestItems = memoised((s) => s.snapshot, requestItems);
