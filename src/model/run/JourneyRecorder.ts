/**
 * Follows the most recent records, batches and produce requests of a run for the explorer's inspectors: per
 * batch its lifecycle in simulated time (created, closed, ready, each send attempt with its request, leader append,
 * high watermark passing it, response, completion), per record when it was appended and to which batch.
 * Simulation-only (Kafka keeps no such history). Attach it right after the run is built, before any advance, as
 * SnapshotBuilder does (which owns one). One recorder per run: its hooks take single slots.
 *
 * It only observes: through ProducerRun.onRecordCreated / onProducer, the producers' BatchObserver slots and the
 * cluster's PartitionObserver. It never changes the run (JourneyRecorder.test.ts compares reports over every
 * preset). Memory is bounded: the last `recordCapacity` records and `batchCapacity` / `requestCapacity` batches
 * and requests; a batch still in the producer is read live, and its facts are copied once it completes.
 */
import type { BatchObserver } from '../clients/producer/internals/BatchObserver';
import type { ProducerBatch } from '../clients/producer/internals/ProducerBatch';
import type { RecordState } from '../clients/producer/internals/RecordState';
import type { ProduceRequestEvent } from '../clients/producer/internals/SenderEvents';
import type { KafkaProducer } from '../clients/producer/KafkaProducer';
import type { ProduceRequest, WireBatch } from '../cluster/ProduceRequest';
import type { PartitionObserver, SimPartition } from '../cluster/SimPartition';
import {
  type AttemptJourney,
  type BatchJourney,
  batchFacts,
  type RecordJourney,
  type RequestJourney,
} from './JourneyEntries';
import type { ProducerRun } from './ProducerRun';
import { ReplicationWaiters } from './ReplicationWaiters';

export {
  type AttemptJourney,
  type BatchFacts,
  type BatchJourney,
  batchFacts,
  factsOf,
  MAX_LISTED_RECORD_IDS,
  type RecordJourney,
  type RequestJourney,
} from './JourneyEntries';

export const DEFAULT_RECORD_CAPACITY = 2000;
export const DEFAULT_BATCH_CAPACITY = 5000;
export const DEFAULT_REQUEST_CAPACITY = 5000;

export interface JourneyRecorderOptions {
  readonly recordCapacity?: number;
  readonly batchCapacity?: number;
  readonly requestCapacity?: number;
}

export class JourneyRecorder {
  readonly recordCapacity: number;
  readonly batchCapacity: number;
  readonly requestCapacity: number;
  private readonly run: ProducerRun;
  private readonly records: (RecordJourney | undefined)[];
  private newestRecordId = -1;
  private readonly batchRing: (BatchJourney | undefined)[];
  private batchNext = 0;
  private readonly batchesById: Map<number, BatchJourney>[] = [];
  private readonly byBatch = new WeakMap<ProducerBatch, BatchJourney>();
  private readonly requestRing: (RequestJourney | undefined)[];
  private requestNext = 0;
  private readonly requestsById: Map<number, RequestJourney>[] = [];
  private readonly byWire = new WeakMap<WireBatch, AttemptJourney>();
  private readonly waiters = new ReplicationWaiters();
  private lastAppendJourney: BatchJourney | null = null;

  constructor(run: ProducerRun, options: JourneyRecorderOptions = {}) {
    if (run.sendCalls > 0) {
      throw new Error(
        'JourneyRecorder: create it before the run advances, so it sees every record',
      );
    }
    this.run = run;
    this.recordCapacity = Math.max(1, options.recordCapacity ?? DEFAULT_RECORD_CAPACITY);
    this.batchCapacity = Math.max(1, options.batchCapacity ?? DEFAULT_BATCH_CAPACITY);
    this.requestCapacity = Math.max(1, options.requestCapacity ?? DEFAULT_REQUEST_CAPACITY);
    this.records = new Array(this.recordCapacity);
    this.batchRing = new Array(this.batchCapacity);
    this.requestRing = new Array(this.requestCapacity);
    run.onRecordCreated((r) => this.recordCreated(r));
    run.onProducer((producer, generation) => this.watchProducer(producer, generation));
    const partitions: PartitionObserver = {
      leaderAppended: (p, batch, baseOffset, nowMs) =>
        this.leaderAppended(p, batch, baseOffset, nowMs),
      // The HW's movers do not all take nowMs: the simulation's clock is the time of the event running.
      highWatermarkAdvanced: (p) => this.waiters.advanced(p.partition, p.highWatermark, run.nowMs),
      logTruncated: (p, end) => this.waiters.truncated(p.partition, end, run.nowMs),
    };
    run.cluster.setPartitionObserver(partitions);
  }

  // ---- reading ----

  /** The newest record id sent so far (-1 before any). */
  get newestRecord(): number {
    return this.newestRecordId;
  }

  /** The oldest record id still kept (newestRecord + 1 before any). */
  get oldestRecord(): number {
    return Math.max(0, this.newestRecordId - this.recordCapacity + 1);
  }

  record(id: number): RecordJourney | undefined {
    if (!Number.isInteger(id) || id < 0) return undefined;
    const entry = this.records[id % this.recordCapacity];
    return entry !== undefined && entry.record.id === id ? entry : undefined;
  }

  /** The `count` most recent records, oldest first. */
  recentRecords(count: number): RecordJourney[] {
    const out: RecordJourney[] = [];
    const from = Math.max(this.oldestRecord, this.newestRecordId - count + 1);
    for (let id = from; id <= this.newestRecordId; id++) {
      const entry = this.record(id);
      if (entry !== undefined) out.push(entry);
    }
    return out;
  }

  /** `batch-<id>` of the newest producer that has one kept (ids restart with each producer). */
  batch(id: number, generation?: number): BatchJourney | undefined {
    return newestOf(this.batchesById, id, generation);
  }

  request(id: number, generation?: number): RequestJourney | undefined {
    return newestOf(this.requestsById, id, generation);
  }

  /** Whether `id` is past every batch (or request) created so far by the current producer. */
  notYetCreated(kind: 'batch' | 'request', id: number): boolean {
    const producer = this.run.producer;
    const next =
      kind === 'batch'
        ? producer.accumulator.batchContext.nextBatchId
        : producer.sender.requestsSent;
    return id >= next;
  }

  /** The batch a record is in now: the one it completed in, else where its batchId points. */
  currentBatch(entry: RecordJourney): BatchJourney | null {
    if (entry.batch !== null) return entry.batch;
    const id = entry.record.batchId;
    if (id < 0) return null;
    const append = entry.appendBatch;
    if (append !== null && append.id === id) return append;
    return this.batch(id, entry.generation) ?? append;
  }

  /** The record's index in `batch`, -1 if it is not there. */
  indexIn(entry: RecordJourney, batch: BatchJourney): number {
    if (entry.batch === batch) return entry.index;
    return batch.batch === null ? -1 : batch.batch.records.indexOf(entry.record);
  }

  // ---- hooks ----

  private recordCreated(record: RecordState): void {
    const id = record.id;
    if (id > this.newestRecordId) this.newestRecordId = id;
    this.records[id % this.recordCapacity] = {
      record,
      generation: this.run.producers.length - 1,
      appendMs: -1,
      appendBatch: null,
      batch: null,
      index: -1,
    };
  }

  private watchProducer(producer: KafkaProducer, generation: number): void {
    this.batchesById[generation] = new Map();
    this.requestsById[generation] = new Map();
    const hooks: BatchObserver = {
      batchCreated: (batch) => this.batchCreated(batch, generation),
      recordAppended: (batch, record, nowMs) => this.recordAppended(producer, batch, record, nowMs),
      batchDone: (batch, nowMs) => this.batchDone(batch, nowMs),
      requestCreated: (request, event, batches) =>
        this.requestCreated(request, event, batches, generation),
    };
    producer.accumulator.batchContext.observer = hooks;
    producer.sender.events.observer = hooks;
  }

  private batchCreated(batch: ProducerBatch, generation: number): void {
    const journey: BatchJourney = {
      id: batch.id,
      generation,
      partition: batch.partition,
      createdMs: batch.createdMs,
      isSplitBatch: batch.isSplitBatch,
      batch,
      frozen: null,
      stickyPick: null,
      stickySwitchReason: null,
      attempts: [],
      completedMs: -1,
    };
    this.byBatch.set(batch, journey);
    const old = this.batchRing[this.batchNext];
    if (old !== undefined) forget(this.batchesById[old.generation], old.id, old);
    this.batchRing[this.batchNext] = journey;
    this.batchNext = (this.batchNext + 1) % this.batchCapacity;
    this.batchesById[generation].set(batch.id, journey);
  }

  private recordAppended(
    producer: KafkaProducer,
    batch: ProducerBatch,
    record: RecordState,
    nowMs: number,
  ): void {
    // Appends come in runs into one batch: skip the WeakMap lookup for those.
    let journey = this.lastAppendJourney;
    if (journey === null || journey.batch !== batch) {
      journey = this.byBatch.get(batch) ?? null;
      if (journey === null) return;
      this.lastAppendJourney = journey;
    }
    if (record.partitionReason === 'sticky' && journey.stickyPick === null) {
      // The partitioner may switch right after this append: its state now is what chose this partition.
      const bip = producer.accumulator.builtInPartitioner;
      journey.stickyPick = bip.lastPickExplanation;
      journey.stickySwitchReason = bip.lastSwitchReason;
    }
    const entry = this.record(record.id);
    if (entry === undefined) return;
    entry.appendMs = nowMs;
    entry.appendBatch = journey;
  }

  private batchDone(batch: ProducerBatch, nowMs: number): void {
    const journey = this.byBatch.get(batch);
    if (journey === undefined || journey.batch === null) return;
    journey.frozen = batchFacts(batch);
    journey.completedMs = nowMs;
    journey.batch = null;
    const records = batch.records;
    const oldest = this.oldestRecord;
    // Record ids grow along a batch: walk back from the newest and stop at the first one no longer kept.
    for (let i = records.length - 1; i >= 0 && records[i].id >= oldest; i--) {
      const entry = this.record(records[i].id);
      if (entry === undefined) continue;
      entry.batch = journey;
      entry.index = i;
    }
  }

  private requestCreated(
    request: ProduceRequest,
    event: ProduceRequestEvent,
    batches: readonly ProducerBatch[],
    generation: number,
  ): void {
    const journeys: (BatchJourney | null)[] = [];
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i];
      const journey = this.byBatch.get(batch);
      journeys.push(journey ?? null);
      if (journey === undefined) continue;
      const attempt: AttemptJourney = {
        attempt: batch.attempts,
        partition: batch.partition,
        readyMs: batch.readyMs,
        readyReason: batch.readyReason,
        event,
        index: i,
        leaderAppendMs: -1,
        leaderBroker: -1,
        baseOffset: -1,
        lastOffset: -1,
        replicatedMs: -1,
        truncatedMs: -1,
      };
      journey.attempts.push(attempt);
      const wire = request.batches[i];
      if (wire !== undefined) this.byWire.set(wire, attempt);
    }
    const entry: RequestJourney = { generation, event, batches: journeys };
    const old = this.requestRing[this.requestNext];
    if (old !== undefined) forget(this.requestsById[old.generation], old.event.requestId, old);
    this.requestRing[this.requestNext] = entry;
    this.requestNext = (this.requestNext + 1) % this.requestCapacity;
    this.requestsById[generation].set(event.requestId, entry);
  }

  private leaderAppended(
    p: SimPartition,
    batch: WireBatch,
    baseOffset: number,
    nowMs: number,
  ): void {
    const attempt = this.byWire.get(batch);
    if (attempt === undefined) return;
    attempt.leaderAppendMs = nowMs;
    attempt.leaderBroker = p.leader ?? -1;
    attempt.baseOffset = baseOffset;
    attempt.lastOffset = baseOffset + batch.recordCount - 1;
    this.waiters.appended(p.partition, attempt);
  }
}

function newestOf<T>(
  maps: readonly Map<number, T>[],
  id: number,
  generation?: number,
): T | undefined {
  if (generation !== undefined) return maps[generation]?.get(id);
  for (let g = maps.length - 1; g >= 0; g--) {
    const found = maps[g].get(id);
    if (found !== undefined) return found;
  }
  return undefined;
}

function forget<T>(map: Map<number, T> | undefined, id: number, entry: T): void {
  if (map !== undefined && map.get(id) === entry) map.delete(id);
}
