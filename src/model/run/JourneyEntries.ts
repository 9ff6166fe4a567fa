/**
 * What JourneyRecorder keeps per record, batch, send attempt and request, and a batch's facts (read live from the
 * ProducerBatch while the producer holds it, copied when it completes so the batch can be let go). Simulation-only.
 */
import type {
  BatchCloseReason,
  BatchReadyReason,
  FinalState,
  ProducerBatch,
} from '../clients/producer/internals/ProducerBatch';
import type { RecordState } from '../clients/producer/internals/RecordState';
import type { ProduceRequestEvent } from '../clients/producer/internals/SenderEvents';

/** A batch lists its record ids when it holds at most this many. */
export const MAX_LISTED_RECORD_IDS = 32;

/** One send of a batch: what the Sender built, and what the leader and the high watermark did with it. */
export interface AttemptJourney {
  /** 0 = first send, n = n-th retry (ProducerBatch.attempts when drained). */
  readonly attempt: number;
  readonly partition: number;
  readonly readyMs: number;
  readonly readyReason: BatchReadyReason | null;
  /** The Sender's live record of the request (written, answered, this batch's outcome at `index`). */
  readonly event: ProduceRequestEvent;
  readonly index: number;
  leaderAppendMs: number;
  leaderBroker: number;
  baseOffset: number;
  lastOffset: number;
  replicatedMs: number;
  truncatedMs: number;
}

/** A batch's facts: read live while the producer holds it, copied when it completes. */
export interface BatchFacts {
  readonly recordCount: number;
  readonly firstRecordId: number;
  readonly lastRecordId: number;
  readonly recordIds: readonly number[] | null;
  readonly sizeInBytes: number;
  readonly writeLimit: number;
  readonly estimatedSizeInBytes: number;
  readonly compressedSizeInBytes: number;
  readonly compressionRatio: number;
  readonly compressionMeasured: boolean;
  readonly closedMs: number;
  readonly closeReason: BatchCloseReason | null;
  readonly readyMs: number;
  readonly readyReason: BatchReadyReason | null;
  readonly baseSequence: number;
  readonly producerId: number;
  readonly finalState: FinalState | null;
  readonly splitInto: readonly number[] | null;
  readonly error: string | null;
}

export interface BatchJourney {
  readonly id: number;
  /** Index of its producer in run.producers (batch ids restart with each producer). */
  readonly generation: number;
  readonly partition: number;
  readonly createdMs: number;
  readonly isSplitBatch: boolean;
  /** The live batch until it completes; then null and `frozen` holds its facts. */
  batch: ProducerBatch | null;
  frozen: BatchFacts | null;
  /** BuiltInPartitioner.lastPickExplanation / lastSwitchReason when its first sticky record was appended. */
  stickyPick: string | null;
  stickySwitchReason: string | null;
  readonly attempts: AttemptJourney[];
  completedMs: number;
}

export interface RecordJourney {
  readonly record: RecordState;
  readonly generation: number;
  /** When RecordAccumulator.append took it, -1 before. */
  appendMs: number;
  /** The batch it was appended to (a split later moves it: see `batch`). */
  appendBatch: BatchJourney | null;
  /** The batch it completed in, with its index there; null / -1 until that batch completed. */
  batch: BatchJourney | null;
  index: number;
}

export interface RequestJourney {
  readonly generation: number;
  readonly event: ProduceRequestEvent;
  /** Aligned with event.batches (null for a batch created before the recorder, which cannot happen). */
  readonly batches: readonly (BatchJourney | null)[];
}

/** The batch's facts now (a copy: the arrays are fresh). */
export function batchFacts(b: ProducerBatch): BatchFacts {
  const records = b.records;
  const n = records.length;
  const built = b.isClosed();
  const failed = b.finalState !== null && b.finalState !== 'SUCCEEDED';
  return {
    recordCount: n,
    firstRecordId: n > 0 ? records[0].id : -1,
    lastRecordId: n > 0 ? records[n - 1].id : -1,
    recordIds: n <= MAX_LISTED_RECORD_IDS ? records.map((r) => r.id) : null,
    sizeInBytes: b.sizeInBytes,
    writeLimit: b.writeLimit,
    estimatedSizeInBytes: b.estimatedSizeInBytes(),
    compressedSizeInBytes: b.compressedSizeInBytes,
    compressionRatio: built ? b.compressionRatio() : -1,
    compressionMeasured: built && b.compressionMeasured,
    closedMs: b.closedForAppendsMs,
    closeReason: b.closeReason,
    readyMs: b.readyMs,
    readyReason: b.readyReason,
    baseSequence: b.baseSequence(),
    producerId: b.producerId(),
    finalState: b.finalState,
    splitInto: b.splitBatchIds === null ? null : [...b.splitBatchIds],
    error: failed && n > 0 ? records[0].error : null,
  };
}

/** The journey's facts: copied ones once complete, else read from the live batch. */
export function factsOf(journey: BatchJourney): BatchFacts | null {
  if (journey.frozen !== null) return journey.frozen;
  return journey.batch === null ? null : batchFacts(journey.batch);
}
