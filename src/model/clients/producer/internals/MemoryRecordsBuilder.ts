/**
 * The records of one ProducerBatch as sizes: exact RecordBatch v2 size (61-byte header + Σ record sizes with
 * their offset/timestamp deltas), Kafka's room/full rules with the compression-ratio estimate × 1.05, the size on
 * the wire once closed (records section compressed with the real codec, or with the ratio sampled on recent
 * batches), and the header's producer id/epoch/base sequence. Mirrors the parts of
 * org.apache.kafka.common.record.MemoryRecordsBuilder the producer uses (hasRoomFor, append, isFull,
 * estimatedSizeInBytes, closeForRecordAppends, close, abort, setProducerState, reopenAndRewriteProducerState).
 * Left out: record bytes (encoded only to measure compression), CRCs, magic v0/v1, control batches, LogAppendTime.
 */
import { compress } from '../../../common/compress/Compression';
import type { CompressionType } from '../../../common/compress/CompressionType';
import { sizeInBytes as recordSizeInBytes } from '../../../common/record/DefaultRecord';
import {
  type EncodableRecord,
  encodeRecords,
  RECORD_BATCH_OVERHEAD,
} from '../../../common/record/DefaultRecordBatch';
import { IllegalArgumentException } from '../Partitioner';
import type { BatchObserver } from './BatchObserver';
import { IllegalStateException } from './BufferPool';
import {
  COMPRESSION_RATE_ESTIMATION_FACTOR,
  CompressionRatioEstimator,
} from './CompressionRatioEstimator';
import { CompressionSampler, type CompressionSamplerOptions } from './CompressionSampler';
import type { ProducerBatch } from './ProducerBatch';
import type { RecordState } from './RecordState';

/** RecordBatch.NO_SEQUENCE. */
export const NO_SEQUENCE = -1;

// Module-local copies: transpiled ES modules read imports through getters, on the per-record path.
const HEADER_SIZE = RECORD_BATCH_OVERHEAD;
const sizeOfRecord = recordSizeInBytes;
const ESTIMATION_FACTOR = COMPRESSION_RATE_ESTIMATION_FACTOR;

/** What every batch of one producer shares: codec, ratio estimate, sampler, id counter, completion hook. */
export interface ProducerBatchContext {
  readonly compressionType: CompressionType;
  readonly compressionLevel: number | null;
  readonly estimator: CompressionRatioEstimator;
  /** Null: every compressed batch is measured with the real codec. */
  readonly sampler: CompressionSampler | null;
  /** Id of the next batch (`batch-<id>`). */
  nextBatchId: number;
  /** Told when a batch reaches a final state (the accumulator uses it for flush()). */
  onBatchDone: ((batch: ProducerBatch, nowMs: number) => void) | null;
  /** The explorer's observer of batches (run/JourneyRecorder); absent or null when nobody watches. */
  observer?: BatchObserver | null;
}

/**
 * A context for one producer. `sampler` null measures every compressed batch with the real codec; options tune
 * the sampling (see CompressionSampler).
 */
export function createProducerBatchContext(
  compressionType: CompressionType,
  compressionLevel: number | null = null,
  sampler: CompressionSamplerOptions | null = {},
): ProducerBatchContext {
  return {
    compressionType,
    compressionLevel,
    estimator: new CompressionRatioEstimator(),
    sampler:
      sampler === null || compressionType === 'none' ? null : new CompressionSampler(sampler),
    nextBatchId: 0,
    onBatchDone: null,
    observer: null,
  };
}

export class MemoryRecordsBuilder {
  readonly writeLimit: number;
  readonly records: RecordState[] = [];
  numRecords = 0;
  /** Whether the compressed size came from the real codec (false: from the sampled ratio, or no codec). */
  compressionMeasured = false;
  producerId = -1;
  producerEpoch = -1;
  baseSequence = NO_SEQUENCE;
  isTransactional = false;
  firstTimestamp = 0;
  maxTimestamp = -1;

  private readonly context: ProducerBatchContext;
  private readonly estimatedCompressionRatio: number;
  /** No codec: the estimate is exact (header + uncompressed records). */
  private readonly uncompressed: boolean;
  private uncompressedRecordsSizeInBytes = 0;
  private appendStreamIsClosed = false;
  private built = false;
  private aborted = false;
  private compressedRecordsSizeInBytes = -1;
  private actualCompressionRatio = 1;

  constructor(context: ProducerBatchContext, writeLimit: number) {
    this.context = context;
    this.writeLimit = writeLimit;
    // ProducerBatch's constructor reads the topic's estimate once; it stays fixed for the batch.
    this.estimatedCompressionRatio = context.estimator.estimation(context.compressionType);
    this.uncompressed = context.compressionType === 'none';
  }

  /**
   * hasRoomFor + append in one pass: appends the record if it fits (the first record always does) and returns
   * how much the estimated size grew, else null.
   */
  tryAppend(record: RecordState): number | null {
    if (this.appendStreamIsClosed) return null;
    const before = this.estimatedBytesWritten();
    const count = this.numRecords;
    if (count > 0 && this.writeLimit <= before) return null;
    const timestampDelta = count === 0 ? 0 : record.timestamp - this.firstTimestamp;
    const size = sizeOfRecord(
      count,
      timestampDelta,
      record.keyBytes,
      record.valueBytes,
      record.headers,
    );
    // Kafka is conservative: the new record counts uncompressed even when a codec is used.
    if (count > 0 && this.writeLimit < before + size) return null;
    if (count === 0) this.firstTimestamp = record.timestamp;
    if (record.timestamp > this.maxTimestamp) this.maxTimestamp = record.timestamp;
    this.uncompressedRecordsSizeInBytes += size;
    this.records.push(record);
    this.numRecords = count + 1;
    return this.estimatedBytesWritten() - before;
  }

  /** Header + uncompressed records, exact (0 while empty, as MemoryRecords.EMPTY). */
  uncompressedSizeInBytes(): number {
    return this.numRecords === 0 ? 0 : RECORD_BATCH_OVERHEAD + this.uncompressedRecordsSizeInBytes;
  }

  /** Exact once closed (on the wire); before, header + uncompressed × estimated ratio × 1.05. */
  estimatedSizeInBytes(): number {
    return this.built ? this.builtSizeInBytes() : this.estimatedBytesWritten();
  }

  /** Size on the wire once closed, -1 before. */
  builtSizeInBytes(): number {
    if (!this.built) return -1;
    return this.numRecords === 0 ? 0 : RECORD_BATCH_OVERHEAD + this.compressedRecordsSizeInBytes;
  }

  isFull(): boolean {
    return (
      this.appendStreamIsClosed ||
      (this.numRecords > 0 && this.writeLimit <= this.estimatedBytesWritten())
    );
  }

  isClosedForRecordAppends(): boolean {
    return this.appendStreamIsClosed;
  }

  closeForRecordAppends(): void {
    this.appendStreamIsClosed = true;
  }

  abort(): void {
    this.appendStreamIsClosed = true;
    this.aborted = true;
  }

  isAborted(): boolean {
    return this.aborted;
  }

  isClosed(): boolean {
    return this.built;
  }

  /** Compressed / uncompressed records section (Java float), 1 until closed or without a codec. */
  compressionRatio(): number {
    return this.actualCompressionRatio;
  }

  /** Fix the on-the-wire size. The compressed size is computed once; a reopened builder keeps it. */
  close(): void {
    if (this.aborted) {
      throw new IllegalStateException(
        'Cannot close MemoryRecordsBuilder as it has already been aborted',
      );
    }
    if (this.built) return;
    this.validateProducerState();
    this.appendStreamIsClosed = true;
    if (this.compressedRecordsSizeInBytes < 0) {
      this.compressedRecordsSizeInBytes = this.compressRecords();
    }
    if (this.numRecords > 0) {
      this.actualCompressionRatio = Math.fround(
        this.compressedRecordsSizeInBytes / this.uncompressedRecordsSizeInBytes,
      );
    }
    this.built = true;
  }

  setProducerState(
    producerId: number,
    producerEpoch: number,
    baseSequence: number,
    isTransactional: boolean,
  ): void {
    if (this.built) {
      throw new IllegalStateException(
        'Trying to set producer state of an already closed batch. This indicates a bug on the client.',
      );
    }
    this.producerId = producerId;
    this.producerEpoch = producerEpoch;
    this.baseSequence = baseSequence;
    this.isTransactional = isTransactional;
  }

  reopenAndRewriteProducerState(
    producerId: number,
    producerEpoch: number,
    baseSequence: number,
    isTransactional: boolean,
  ): void {
    if (this.aborted) {
      throw new IllegalStateException('Should not reopen a batch which is already aborted.');
    }
    this.built = false;
    this.producerId = producerId;
    this.producerEpoch = producerEpoch;
    this.baseSequence = baseSequence;
    this.isTransactional = isTransactional;
  }

  private validateProducerState(): void {
    if (this.isTransactional && this.producerId === -1) {
      throw new IllegalArgumentException(
        'Cannot write transactional messages without a valid producer ID',
      );
    }
    if (this.producerId !== -1) {
      if (this.producerEpoch === -1) {
        throw new IllegalArgumentException('Invalid negative producer epoch');
      }
      if (this.baseSequence < 0) {
        throw new IllegalArgumentException('Invalid negative sequence number used');
      }
    }
  }

  private estimatedBytesWritten(): number {
    if (this.uncompressed) return HEADER_SIZE + this.uncompressedRecordsSizeInBytes;
    // Java: (int) (int × float × float), in float arithmetic.
    const scaled = Math.fround(
      Math.fround(this.uncompressedRecordsSizeInBytes * this.estimatedCompressionRatio) *
        ESTIMATION_FACTOR,
    );
    return HEADER_SIZE + Math.trunc(scaled);
  }

  /** Bytes of the records section on the wire. */
  private compressRecords(): number {
    const uncompressed = this.uncompressedRecordsSizeInBytes;
    const ctx = this.context;
    if (ctx.compressionType === 'none' || this.numRecords === 0) return uncompressed;
    const sampler = ctx.sampler;
    if (sampler !== null && !sampler.shouldMeasure(uncompressed)) {
      return sampler.estimateCompressedSize(uncompressed);
    }
    const records = this.records;
    const encodable = new Array<EncodableRecord>(records.length);
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      encodable[i] = {
        offsetDelta: i,
        timestamp: r.timestamp,
        key: r.keyBytes,
        value: r.valueBytes,
        headers: r.headers,
      };
    }
    const bytes = encodeRecords(encodable, this.firstTimestamp);
    const compressed = compress(ctx.compressionType, ctx.compressionLevel, bytes).length;
    sampler?.record(uncompressed, compressed);
    this.compressionMeasured = true;
    return compressed;
  }
}
