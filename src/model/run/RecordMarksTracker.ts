/**
 * Follows records from send() to their callback for the explorer's moving marks (RecordMarks): which pipeline
 * stage each is in, since when, and at which broker. Simulation-only (Kafka keeps no such thing).
 *
 * Bounded by a budget: a record is tracked only if its id is a multiple of `sampleEvery` (a power of two). When a
 * new record would exceed the budget, marks whose display time is over are dropped, and if that is not enough
 * `sampleEvery` doubles and the tracked records that are not multiples of it are let go; when the load falls
 * (fewer than a quarter of the budget tracked at a snapshot) it halves again. Deterministic: it depends only on
 * record ids, record states and when snapshots are taken. Per-snapshot work is O(tracked), never O(all records).
 */

import type { RecordState } from '../clients/producer/internals/RecordState';
import type { ProduceRequestEvent } from '../clients/producer/internals/SenderEvents';
import { murmur2, toPositive } from '../common/utils/Utils';
import { MARK_STAGE, MARK_STRIDE, type RecordMarks } from './RunSnapshot';

/**
 * Where each batch of the current producer is: null = in the RecordAccumulator (a deque), an event = in that
 * outstanding produce request. Batches in neither are absent.
 */
export type BatchPlaces = ReadonlyMap<number, ProduceRequestEvent | null>;

const UNSEEN = -1;
const NOT_HASHED = -2;
/** Record ids are int32: no sample needs to be sparser. */
const MAX_SAMPLE_EVERY = 2 ** 30;

interface TrackedRecord {
  readonly record: RecordState;
  stage: number;
  sinceMs: number;
  node: number;
  requestId: number;
  keyHash: number;
}

export class RecordMarksTracker {
  private tracked: TrackedRecord[] = [];
  private every = 1;
  private readonly budget: number;
  /** The inspector's selected record: tracked whatever the sample and budget say (-1: none). */
  private pinnedId = -1;

  /**
   * @param budget most records tracked at once (at least 1)
   * @param keepCompletedMs how long an acknowledged or failed record stays drawn after its callback, simulated ms
   */
  constructor(
    budget: number,
    private readonly keepCompletedMs: number,
  ) {
    this.budget = Math.max(1, Math.floor(budget));
  }

  /** 1 = every record is tracked; k = one in k (by record id). */
  get sampleEvery(): number {
    return this.every;
  }

  get trackedCount(): number {
    return this.tracked.length;
  }

  /**
   * Always track record `id` (the inspector's selection), even when the sample would skip it; -1 unpins. `record`
   * is its state when it already exists, so it is drawn from now on (until its display time after completion ends).
   */
  pin(id: number, record: RecordState | null): void {
    this.pinnedId = id;
    if (record === null || record.id !== id) return;
    const tracked = this.tracked;
    let i = tracked.length;
    while (i > 0 && tracked[i - 1].record.id >= id) i--;
    if (i < tracked.length && tracked[i].record.id === id) return;
    // Kept in id order, as the marks are.
    tracked.splice(i, 0, newTracked(record));
  }

  /** A record was just created by send(): track it if the sample takes it. O(1) amortized. */
  recordCreated(record: RecordState): void {
    if (record.id === this.pinnedId) {
      this.tracked.push(newTracked(record));
      return;
    }
    if (record.id % this.every !== 0) return;
    if (this.tracked.length >= this.budget) {
      this.makeRoom(record.sendMs);
      if (record.id % this.every !== 0 || this.tracked.length >= this.budget) return;
    }
    this.tracked.push(newTracked(record));
  }

  /** The tracked records' stages at `nowMs`, as a fresh array; drops marks whose display time is over. */
  marks(nowMs: number, places: BatchPlaces): RecordMarks {
    const tracked = this.tracked;
    const data = new Int32Array(tracked.length * MARK_STRIDE);
    let kept = 0;
    for (let i = 0; i < tracked.length; i++) {
      const t = tracked[i];
      const r = t.record;
      if (r.status !== 'pending' && nowMs - r.ackMs > this.keepCompletedMs) continue;
      this.update(t, nowMs, places);
      if (t.keyHash === NOT_HASHED && (r.partitionReason !== '' || r.status !== 'pending')) {
        t.keyHash = r.keyBytes === null ? -1 : toPositive(murmur2(r.keyBytes));
      }
      const o = kept * MARK_STRIDE;
      data[o] = r.id;
      data[o + 1] = t.stage;
      data[o + 2] = r.partition;
      data[o + 3] = t.node;
      data[o + 4] = r.batchId;
      data[o + 5] = t.keyHash < 0 ? -1 : t.keyHash;
      data[o + 6] = Math.trunc(t.sinceMs);
      tracked[kept++] = t;
    }
    tracked.length = kept;
    if (this.every > 1 && kept < this.budget >> 2) this.every /= 2;
    return {
      data: kept * MARK_STRIDE === data.length ? data : data.slice(0, kept * MARK_STRIDE),
      count: kept,
      sampleEvery: this.every,
    };
  }

  private update(t: TrackedRecord, nowMs: number, places: BatchPlaces): void {
    const r = t.record;
    let stage: number;
    let entered: number;
    let request: ProduceRequestEvent | null | undefined = null;
    if (r.status !== 'pending') {
      stage = r.status === 'acked' ? MARK_STAGE.acked : MARK_STAGE.failed;
      entered = r.ackMs;
    } else if (r.batchId < 0) {
      stage = MARK_STAGE.sending;
      entered = r.sendMs;
    } else {
      request = places.get(r.batchId);
      if (request === undefined) {
        // Between two places within one event (not expected): stay where it was last seen.
        stage = Math.max(t.stage, MARK_STAGE.accumulator);
        entered = nowMs;
      } else if (request === null) {
        stage = MARK_STAGE.accumulator;
        entered = t.stage === UNSEEN ? r.sendMs : nowMs;
      } else if (request.sentMs < 0) {
        stage = MARK_STAGE.request;
        entered = request.createdMs;
      } else {
        stage = MARK_STAGE.inFlight;
        entered = request.sentMs;
      }
    }
    const requestId = request?.requestId ?? t.requestId;
    if (stage !== t.stage || requestId !== t.requestId) {
      t.stage = stage;
      t.sinceMs = Math.max(t.sinceMs, entered);
    }
    if (request !== null && request !== undefined) t.node = request.node;
    else if (stage === MARK_STAGE.sending || stage === MARK_STAGE.accumulator) t.node = -1;
    t.requestId = requestId;
  }

  /** Frees room for one more record: expired marks first, then a sparser sample until a quarter is free. */
  private makeRoom(nowMs: number): void {
    const keep = this.keepCompletedMs;
    this.retain((r) => r.status === 'pending' || nowMs - r.ackMs <= keep);
    const target = Math.max(1, (this.budget * 3) >> 2);
    const pinned = this.pinnedId;
    while (this.tracked.length > target && this.every < MAX_SAMPLE_EVERY) {
      this.every *= 2;
      const every = this.every;
      this.retain((r) => r.id % every === 0 || r.id === pinned);
    }
  }

  private retain(keep: (r: RecordState) => boolean): void {
    const tracked = this.tracked;
    let n = 0;
    for (let i = 0; i < tracked.length; i++) {
      if (keep(tracked[i].record)) tracked[n++] = tracked[i];
    }
    tracked.length = n;
  }
}

function newTracked(record: RecordState): TrackedRecord {
  return {
    record,
    stage: UNSEEN,
    sinceMs: Number.NEGATIVE_INFINITY,
    node: -1,
    requestId: -1,
    keyHash: NOT_HASHED,
  };
}
