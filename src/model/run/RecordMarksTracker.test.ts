// @vitest-environment node
/**
 * The marks' sampling on its own: within budget, a power of two that grows with load and shrinks when it falls,
 * completed records kept for their display time only. Records are bare RecordStates; the stages of real runs are
 * tested through SnapshotBuilder.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { RecordState } from '../clients/producer/internals/RecordState';
import { RecordMarksTracker } from './RecordMarksTracker';
import { MARK_STAGE, MARK_STRIDE } from './RunSnapshot';

function record(id: number, sendMs: number): RecordState {
  return {
    id,
    topic: 'topic',
    requestedPartition: null,
    key: null,
    keyBytes: null,
    valueBytes: new Uint8Array(10),
    headers: [],
    timestamp: Math.floor(sendMs),
    partition: -1,
    partitionReason: '',
    sendMs,
    ackMs: -1,
    status: 'pending',
    error: null,
    batchId: -1,
    offset: -1,
    callback: null,
  };
}

const NO_BATCHES = new Map();

function ids(tracker: RecordMarksTracker, nowMs: number): number[] {
  const m = tracker.marks(nowMs, NO_BATCHES);
  return Array.from({ length: m.count }, (_, i) => m.data[i * MARK_STRIDE]);
}

describe('RecordMarksTracker', () => {
  it('tracks every record while within budget', () => {
    const tracker = new RecordMarksTracker(10, 2);
    for (let i = 0; i < 10; i++) tracker.recordCreated(record(i, i));
    expect(ids(tracker, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(tracker.sampleEvery).toBe(1);
  });

  it('samples one in k (a power of two, by id) when more would be live, never above budget', () => {
    const tracker = new RecordMarksTracker(16, 2);
    const all: RecordState[] = [];
    for (let i = 0; i < 1000; i++) {
      all.push(record(i, i * 0.01));
      tracker.recordCreated(all[i]);
      expect(tracker.trackedCount).toBeLessThanOrEqual(16);
    }
    const k = tracker.sampleEvery;
    expect(k).toBeGreaterThan(16);
    expect(Math.log2(k) % 1).toBe(0);
    const tracked = ids(tracker, 10);
    expect(tracked.length).toBeGreaterThan(0);
    expect(tracked.every((id) => id % k === 0)).toBe(true);
    expect(tracked).toEqual([...tracked].sort((a, b) => a - b));
  });

  it('shrinks the sample again once the records complete and their display time is over', () => {
    const tracker = new RecordMarksTracker(16, 2);
    const all = Array.from({ length: 1000 }, (_, i) => record(i, i * 0.01));
    for (const r of all) tracker.recordCreated(r);
    const grown = tracker.sampleEvery;
    for (const r of all) {
      r.status = 'acked';
      r.ackMs = 20;
    }
    const m = tracker.marks(21, NO_BATCHES);
    expect(m.count).toBe(tracker.trackedCount);
    expect(Array.from({ length: m.count }, (_, i) => m.data[i * MARK_STRIDE + 1])).toEqual(
      new Array(m.count).fill(MARK_STAGE.acked),
    );
    expect(tracker.marks(22.5, NO_BATCHES).count).toBe(0);
    let builds = 0;
    while (tracker.sampleEvery > 1) {
      tracker.marks(30, NO_BATCHES);
      builds++;
    }
    expect(builds).toBe(Math.log2(grown) - 1);
    tracker.recordCreated(record(1001, 31));
    tracker.recordCreated(record(1002, 31));
    expect(ids(tracker, 31)).toEqual([1001, 1002]);
  });

  it('makes room by dropping marks whose display time is over before sampling more sparsely', () => {
    const tracker = new RecordMarksTracker(4, 2);
    const first = Array.from({ length: 4 }, (_, i) => record(i, i));
    for (const r of first) tracker.recordCreated(r);
    for (const r of first) {
      r.status = 'failed';
      r.ackMs = 4;
    }
    tracker.recordCreated(record(4, 10));
    expect(tracker.sampleEvery).toBe(1);
    expect(ids(tracker, 10)).toEqual([4]);
  });
});
