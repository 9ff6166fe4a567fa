/**
 * An optional observer of one producer's batches and produce requests, for the explorer's journey of a record
 * (run/JourneyRecorder). Simulation-only: Kafka has no such hook (it logs at TRACE). The producer calls it through
 * `ProducerBatchContext.observer` and `SenderRecorder.observer`; both are null unless an observer is installed, so
 * an unwatched run pays one null check per call site. An observer reads what it is given and must never change it.
 */
import type { ProduceRequest } from '../../../cluster/ProduceRequest';
import type { ProducerBatch } from './ProducerBatch';
import type { RecordState } from './RecordState';
import type { ProduceRequestEvent } from './SenderEvents';

export interface BatchObserver {
  /** A batch was just constructed (still empty): a new one in append(), or one made by a split. */
  batchCreated(batch: ProducerBatch): void;
  /** `record` went into `batch` through ProducerBatch.tryAppend at `nowMs` (splits move records without it). */
  recordAppended(batch: ProducerBatch, record: RecordState, nowMs: number): void;
  /** The batch reached its final state (succeeded, failed or aborted); its records are already updated. */
  batchDone(batch: ProducerBatch, nowMs: number): void;
  /**
   * The Sender built a produce request. `batches` is aligned with `request.batches` and `event.batches`; the event
   * is the Sender's own record of the request and keeps changing (written, answered, outcomes).
   */
  requestCreated(
    request: ProduceRequest,
    event: ProduceRequestEvent,
    batches: readonly ProducerBatch[],
  ): void;
}
