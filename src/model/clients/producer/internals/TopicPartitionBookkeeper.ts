/**
 * Per-partition sequence state of the idempotent producer: next sequence, last acked sequence and offset, the
 * producer id/epoch the partition's sequences belong to, and the in-flight batches sorted by sequence.
 * Mirrors TransactionManager's inner classes TopicPartitionBookkeeper and TopicPartitionEntry (split out of
 * TransactionManager.ts for size), plus ProducerIdAndEpoch. Partitions are numbers (one topic per run).
 */
import { NO_PRODUCER_EPOCH, NO_PRODUCER_ID } from '../../../common/record/DefaultRecordBatch';
import { IllegalStateException } from './BufferPool';

export const NO_LAST_ACKED_SEQUENCE_NUMBER = -1;

/** org.apache.kafka.common.utils.ProducerIdAndEpoch. */
export interface ProducerIdAndEpoch {
  readonly producerId: number;
  readonly epoch: number;
}

export const PRODUCER_ID_AND_EPOCH_NONE: ProducerIdAndEpoch = {
  producerId: NO_PRODUCER_ID,
  epoch: NO_PRODUCER_EPOCH,
};

export function isValidProducerIdAndEpoch(p: ProducerIdAndEpoch): boolean {
  return p.producerId > NO_PRODUCER_ID;
}

/** What the TransactionManager needs from a ProducerBatch (Kafka's method names). */
export interface SequencedBatch {
  readonly partition: number;
  readonly recordCount: number;
  baseSequence(): number;
  hasSequence(): boolean;
  /** baseSequence + recordCount − 1, wrapped. */
  lastSequence(): number;
  producerId(): number;
  producerEpoch(): number;
  /** True after resetProducerState until the batch is drained (closed) again. */
  sequenceHasBeenReset(): boolean;
  resetProducerState(producerIdAndEpoch: ProducerIdAndEpoch, baseSequence: number): void;
}

/** Kafka's TopicPartitionEntry. */
export class TopicPartitionEntry<B extends SequencedBatch> {
  /** The id/epoch this partition's sequences belong to (stale after an epoch bump until restarted). */
  producerIdAndEpoch: ProducerIdAndEpoch = PRODUCER_ID_AND_EPOCH_NONE;
  /** Base sequence of the next batch. */
  nextSequence = 0;
  /** Last sequence of the last acked batch, -1 if none. */
  lastAckedSequence = NO_LAST_ACKED_SEQUENCE_NUMBER;
  /** Last offset acked, -1 if unknown. */
  lastAckedOffset = -1;
  /** Sorted by baseSequence (Kafka's inflightBatchesBySequence TreeSet). */
  readonly inflight: B[] = [];

  /** Insert in sequence order; like the TreeSet, keeps one batch per sequence. */
  add(batch: B): void {
    const list = this.inflight;
    const seq = batch.baseSequence();
    let i = list.length;
    while (i > 0 && list[i - 1].baseSequence() > seq) i--;
    if (i > 0 && list[i - 1].baseSequence() === seq) return;
    list.splice(i, 0, batch);
  }

  remove(batch: B): void {
    const i = this.inflight.indexOf(batch);
    if (i >= 0) this.inflight.splice(i, 1);
  }

  /** Rewrites the in-flight batches to sequences 0, n1, n1+n2, … under `pidAndEpoch`. */
  startSequencesAtBeginning(pidAndEpoch: ProducerIdAndEpoch): void {
    let sequence = 0;
    for (const batch of this.inflight) {
      batch.resetProducerState(pidAndEpoch, sequence);
      sequence += batch.recordCount;
    }
    this.producerIdAndEpoch = pidAndEpoch;
    this.nextSequence = sequence;
    this.lastAckedSequence = NO_LAST_ACKED_SEQUENCE_NUMBER;
  }
}

/** Kafka's TopicPartitionBookkeeper: the entries by partition. */
export class TopicPartitionBookkeeper<B extends SequencedBatch> {
  private readonly entries: (TopicPartitionEntry<B> | undefined)[] = [];

  /** Throws (IllegalStateException, as Kafka) if the partition never had a sequence. */
  getPartition(partition: number): TopicPartitionEntry<B> {
    const entry = this.entries[partition];
    if (entry === undefined) {
      throw new IllegalStateException(
        `Trying to get the sequence number for partition ${partition}, but the sequence number was never set for this partition.`,
      );
    }
    return entry;
  }

  getOrCreatePartition(partition: number): TopicPartitionEntry<B> {
    let entry = this.entries[partition];
    if (entry === undefined) {
      entry = new TopicPartitionEntry<B>();
      this.entries[partition] = entry;
    }
    return entry;
  }

  /** The entry, or undefined (no side effect). */
  peek(partition: number): TopicPartitionEntry<B> | undefined {
    return this.entries[partition];
  }

  remove(partition: number): void {
    this.entries[partition] = undefined;
  }
}
