/**
 * Answers the explorer's "what happened to rec-12 / batch-7 / req-4?": an Inspection built from what the
 * JourneyRecorder saw and the live run, with the model's explanations (the partition decision, why the batch
 * closed and became ready, every attempt), and the pick list of the most recent records. Simulation-only.
 * Reads only: inspecting never changes the run. Per call the work is one record's or batch's, never O(run).
 */
import type { RecordState } from '../clients/producer/internals/RecordState';
import { describeKey } from '../clients/producer/KeyPartitioning';
import { isApiException } from '../clients/producer/SendErrors';
import { incrementSequence } from '../common/record/DefaultRecordBatch';
import { batchBaseOffset, batchDetail, requestDetail, sortSteps } from './BatchInspection';
import type {
  Inspection,
  InspectTarget,
  JourneyStage,
  JourneyStep,
  RecordDetail,
  RecordSummary,
} from './Inspection';
import { JOURNEY_PATH } from './Inspection';
import {
  type BatchJourney,
  factsOf,
  type JourneyRecorder,
  type RecordJourney,
} from './JourneyRecorder';
import {
  attemptSteps,
  closeText,
  formatCount,
  type JourneyContext,
  journeyContext,
} from './JourneySteps';
import { explainPartition, shortClassName } from './PipelineSnapshot';
import type { ProducerRun } from './ProducerRun';
import { bytesText, headerDetail, hex, MAX_HEX_BYTES, MAX_TEXT_BYTES } from './RecordBytes';

/** Splits followed from a record's first batch (each split at least halves a batch, so few happen). */
const MAX_SPLITS = 64;

export class Inspector {
  private readonly ctx: JourneyContext;

  constructor(
    private readonly run: ProducerRun,
    private readonly recorder: JourneyRecorder,
  ) {
    this.ctx = journeyContext(run);
  }

  inspect(target: InspectTarget): Inspection {
    const r = this.recorder;
    const id = target.id;
    switch (target.kind) {
      case 'record': {
        const entry = r.record(id);
        if (entry !== undefined) return { kind: 'record', record: this.recordDetail(entry) };
        const reason =
          id > r.newestRecord || !Number.isInteger(id) || id < 0
            ? `rec-${id} has not been sent yet`
            : `rec-${id} is older than the last ${formatCount(r.recordCapacity)} records the explorer keeps`;
        return { kind: 'missing', target, reason };
      }
      case 'batch': {
        const batch = r.batch(id);
        if (batch !== undefined) return { kind: 'batch', batch: batchDetail(r, batch, this.ctx) };
        return { kind: 'missing', target, reason: this.missing('batch', id, r.batchCapacity) };
      }
      case 'request': {
        const request = r.request(id);
        if (request !== undefined) return { kind: 'request', request: requestDetail(request) };
        return { kind: 'missing', target, reason: this.missing('request', id, r.requestCapacity) };
      }
    }
  }

  /** The `count` most recent records sent, oldest first. */
  recentRecords(count: number): RecordSummary[] {
    return this.recorder.recentRecords(count).map(({ record: r }) => ({
      id: r.id,
      key: r.key,
      partition: r.partition,
      status: r.status,
      sendMs: r.sendMs,
    }));
  }

  /** The kept record, if any (the snapshot's marks pin a selected one). */
  recordState(id: number): RecordState | null {
    return this.recorder.record(id)?.record ?? null;
  }

  private missing(kind: 'batch' | 'request', id: number, capacity: number): string {
    const name = kind === 'batch' ? `batch-${id}` : `req-${id}`;
    if (!Number.isInteger(id) || id < 0 || this.recorder.notYetCreated(kind, id)) {
      return `${name} has not been created yet`;
    }
    const what = kind === 'batch' ? 'batches' : 'produce requests';
    return `${name} is older than the last ${formatCount(capacity)} ${what} the explorer keeps`;
  }

  private recordDetail(entry: RecordJourney): RecordDetail {
    const rec = this.recorder;
    const r = entry.record;
    const batch = rec.currentBatch(entry);
    const facts = batch === null ? null : factsOf(batch);
    const index = batch === null ? -1 : rec.indexIn(entry, batch);
    const carriers = this.carriersOf(entry, batch);
    const baseSequence = facts?.baseSequence ?? -1;
    const interceptors = this.interceptorsOf(entry);
    const key = bytesText(r.keyBytes, MAX_TEXT_BYTES);
    const value = bytesText(r.valueBytes, MAX_TEXT_BYTES);
    return {
      id: r.id,
      topic: r.topic,
      key: r.key,
      keyText: key.text,
      keyHex: r.keyBytes === null ? null : hex(r.keyBytes),
      keySizeInBytes: r.keyBytes === null ? -1 : r.keyBytes.length,
      valueText: value.text,
      valueTextNote: value.note,
      valueHex: r.valueBytes === null ? null : hex(r.valueBytes),
      valueHexNote:
        r.valueBytes !== null && r.valueBytes.length > MAX_HEX_BYTES
          ? `first ${MAX_HEX_BYTES} of ${formatCount(r.valueBytes.length)} bytes`
          : null,
      valueSizeInBytes: r.valueBytes === null ? -1 : r.valueBytes.length,
      headers: r.headers.map(headerDetail),
      timestamp: r.timestamp,
      requestedPartition: r.requestedPartition,
      partition: r.partition,
      partitionReason: r.partitionReason,
      partitionExplanation: this.partitionExplanation(entry),
      batchId: r.batchId,
      firstBatchId: entry.appendBatch?.id ?? r.batchId,
      baseOffset: batch === null ? -1 : batchBaseOffset(batch),
      offset: r.offset,
      indexInBatch: index,
      sequence: baseSequence >= 0 && index >= 0 ? incrementSequence(baseSequence, index) : -1,
      producerId: facts?.producerId ?? -1,
      requestIds: carriers.flatMap((b) => b.attempts.map((a) => a.event.requestId)),
      attempts: carriers.reduce((n, b) => n + b.attempts.length, 0),
      status: r.status,
      error: r.error,
      sendMs: r.sendMs,
      callbackMs: r.ackMs,
      journey: this.recordSteps(entry, carriers, interceptors),
      path: interceptors.length > 0 ? JOURNEY_PATH : JOURNEY_PATH.filter((s) => s !== 'onSend'),
    };
  }

  /** The batches that carried the record: the one it was appended to, then each one a split moved it to. */
  private carriersOf(entry: RecordJourney, current: BatchJourney | null): BatchJourney[] {
    const first = entry.appendBatch;
    if (first === null) return current === null ? [] : [current];
    const chain = [first];
    let batch = first;
    for (let i = 0; i < MAX_SPLITS && batch !== current; i++) {
      const next = this.splitChild(entry, batch);
      if (next === null) break;
      chain.push(next);
      batch = next;
    }
    if (current !== null && !chain.includes(current)) chain.push(current);
    return chain;
  }

  /** The batch a split of `batch` put the record in, if known. */
  private splitChild(entry: RecordJourney, batch: BatchJourney): BatchJourney | null {
    const ids = factsOf(batch)?.splitInto ?? null;
    if (ids === null) return null;
    for (const id of ids) {
      const child = this.recorder.batch(id, batch.generation);
      if (child !== undefined && this.recorder.indexIn(entry, child) >= 0) return child;
    }
    return null;
  }

  private interceptorsOf(entry: RecordJourney): readonly string[] {
    const producer = this.run.producers[entry.generation];
    return producer === undefined ? [] : producer.interceptors.interceptors.map((i) => i.name);
  }

  private partitionExplanation(entry: RecordJourney): string {
    const r = entry.record;
    if (r.partitionReason !== 'sticky') {
      const producer = this.run.producers[entry.generation] ?? this.run.producer;
      return explainPartition(producer, r);
    }
    const why =
      r.keyBytes === null ? 'null key' : 'partitioner.ignore.keys=true, so the key is not hashed';
    if (r.partition < 0) return `${why} → the sticky partition, once the record is appended`;
    const batch = entry.appendBatch;
    const head = `${why} → the sticky partition ${r.partition} (BuiltInPartitioner)`;
    if (batch === null || batch.stickyPick === null) return head;
    return `${head}. Picked by ${batch.stickyPick}; last switch: ${batch.stickySwitchReason}`;
  }

  private recordSteps(
    entry: RecordJourney,
    carriers: readonly BatchJourney[],
    interceptors: readonly string[],
  ): JourneyStep[] {
    const r = entry.record;
    const ctx = this.ctx;
    const steps: JourneyStep[] = [];
    const add = (atMs: number, stage: JourneyStage, text: string) =>
      steps.push({ atMs, stage, text, attempt: null });
    const valueSize = r.valueBytes === null ? 'null' : `${formatCount(r.valueBytes.length)} bytes`;
    add(
      r.sendMs,
      'send',
      `KafkaProducer.send(ProducerRecord(topic=${r.topic}, partition=${r.requestedPartition ?? 'null'}, ` +
        `key=${describeKey(r.key, r.keyBytes)}, value=${valueSize}, headers=${r.headers.length}))`,
    );
    if (interceptors.length > 0) {
      add(r.sendMs, 'onSend', `ProducerInterceptors.onSend: ${interceptors.join(', ')}`);
    }
    if (r.partitionReason !== '') {
      add(r.sendMs, 'serialize', this.serializeText(r));
      add(r.sendMs, 'partition', this.partitionExplanation(entry));
    }
    if (entry.appendMs > r.sendMs) {
      add(
        r.sendMs,
        'blocked',
        `send() blocked: buffer.memory (${formatCount(ctx.bufferMemory)} bytes) is exhausted; it waits up to ` +
          `max.block.ms (${formatCount(ctx.maxBlockMs)} ms) for a batch to free memory`,
      );
    }
    const first = entry.appendBatch;
    if (entry.appendMs >= 0 && first !== null) {
      const opened = factsOf(first)?.firstRecordId === r.id;
      add(
        entry.appendMs,
        'append',
        opened
          ? `RecordAccumulator.append: the first record of a new batch-${first.id} for partition ${first.partition}`
          : `RecordAccumulator.append: into batch-${first.id}, the open batch of partition ${first.partition}`,
      );
    }
    for (const batch of carriers) steps.push(...this.batchSteps(entry, batch, carriers));
    this.completionSteps(entry, steps);
    return sortSteps(steps);
  }

  private serializeText(r: RecordState): string {
    const producer = this.run.producer;
    const keySer = shortClassName(producer.config.keySerializer);
    const valueSer = shortClassName(producer.config.valueSerializer);
    const key =
      r.keyBytes === null
        ? 'key null (not serialized)'
        : `key → ${keySer} → ${sizeText(r.keyBytes)}`;
    const value =
      r.valueBytes === null
        ? 'value null (not serialized)'
        : `value → ${valueSer} → ${sizeText(r.valueBytes)}`;
    return `${key}; ${value}`;
  }

  /** The closed step and the attempts of one batch that carried the record. */
  private batchSteps(
    entry: RecordJourney,
    batch: BatchJourney,
    carriers: readonly BatchJourney[],
  ): JourneyStep[] {
    const steps: JourneyStep[] = [];
    const facts = factsOf(batch);
    // A split batch's close time is its parent's: the split step already says why it exists.
    if (
      facts !== null &&
      facts.closedMs >= 0 &&
      facts.closeReason !== null &&
      !batch.isSplitBatch
    ) {
      steps.push({
        atMs: facts.closedMs,
        stage: 'closed',
        text: `batch-${batch.id} closed: ${closeText(facts.closeReason, this.ctx)}`,
        attempt: null,
      });
    }
    const index = this.recorder.indexIn(entry, batch);
    const next = carriers[carriers.indexOf(batch) + 1];
    for (const a of batch.attempts) {
      for (const step of attemptSteps(batch, a, this.ctx, index)) {
        steps.push(
          step.stage === 'split' && next !== undefined
            ? { ...step, text: `${step.text}; this record moved to batch-${next.id}` }
            : step,
        );
      }
    }
    return steps;
  }

  private completionSteps(entry: RecordJourney, steps: JourneyStep[]): void {
    const r = entry.record;
    if (r.status === 'pending') return;
    const error = r.error ?? '';
    const add = (stage: JourneyStage, text: string) =>
      steps.push({ atMs: r.ackMs, stage, text, attempt: null });
    if (r.status === 'failed' && entry.appendMs < 0 && !isApiException(error)) {
      add('failed', `send() threw ${error}; the callback never runs`);
      return;
    }
    if (r.status === 'failed' && !steps.some((s) => s.stage === 'failed'))
      add('failed', `failed: ${error}`);
    if (this.run.spec.workload.sendMode === 'fire-and-forget') {
      add('callback', 'fire-and-forget: no callback to run');
      return;
    }
    const metadata = `${r.topic}-${r.partition}@${r.offset}`;
    const exception = r.status === 'acked' ? 'null' : error;
    add('callback', `callback: onCompletion(metadata = ${metadata}, exception = ${exception})`);
  }
}

function sizeText(bytes: Uint8Array): string {
  return bytes.length === 1 ? '1 byte' : `${formatCount(bytes.length)} bytes`;
}
