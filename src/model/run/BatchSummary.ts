/** A completed or open ProducerBatch as plain data for reports (the runner's JSON `batches`). Simulation-only. */
import type { ProducerBatch } from '../clients/producer/internals/ProducerBatch';

export interface BatchSummary {
  readonly id: number;
  readonly partition: number;
  readonly recordCount: number;
  /** Uncompressed RecordBatch v2 size: 61-byte header + records. */
  readonly sizeInBytes: number;
  /** Size on the wire (compressed records + header); -1 while the batch is still open. */
  readonly compressedSizeInBytes: number;
  /** True when the compressed size was measured with the real codec, false when estimated from a sampled ratio. */
  readonly compressionMeasured: boolean;
  readonly createdMs: number;
  /** Sends so far (1 = no retry); retries add one each. */
  readonly attempts: number;
  readonly closeReason: string | null;
  readonly readyReason: string | null;
  /** Last drain time; -1 if never drained. */
  readonly drainedMs: number;
  readonly producerId: number;
  readonly baseSequence: number;
  /** Final state: 'succeeded', 'failed', 'aborted', or 'open' while queued or in flight. */
  readonly state: string;
}

export function summarizeBatch(b: ProducerBatch): BatchSummary {
  const closed = b.isClosed();
  return {
    id: b.id,
    partition: b.partition,
    recordCount: b.recordCount,
    sizeInBytes: b.sizeInBytes,
    compressedSizeInBytes: closed ? b.compressedSizeInBytes : -1,
    compressionMeasured: closed && b.compressionMeasured,
    createdMs: b.createdMs,
    attempts: b.drainedMs >= 0 ? b.attempts + 1 : 0,
    closeReason: b.closeReason,
    readyReason: b.readyReason,
    drainedMs: b.drainedMs,
    producerId: b.producerId(),
    baseSequence: b.baseSequence(),
    state: b.finalState === null ? 'open' : String(b.finalState).toLowerCase(),
  };
}
