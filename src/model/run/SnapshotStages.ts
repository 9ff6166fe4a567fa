/**
 * The RecordAccumulator and Sender stages of the explorer's snapshot: every partition's queue of batches, the
 * Sender's ready nodes, outstanding and just-answered produce requests and retries in backoff; and, as a by-product,
 * where each batch is (BatchPlaces) so the record marks can be placed without scanning every record.
 * Simulation-only. Request entries are copies: the Sender's log keeps changing after a snapshot is taken.
 */
import { batchView } from '../clients/producer/internals/AccumulatorViews';
import type { RecordAccumulator } from '../clients/producer/internals/RecordAccumulator';
import type { Sender } from '../clients/producer/internals/Sender';
import type { ProduceRequestEvent } from '../clients/producer/internals/SenderEvents';
import type { AccumulatorQueueView, BatchView, SenderView } from './RunSnapshot';

/** Batches drawn per partition queue: the oldest MAX_DRAWN_BATCHES − 1 and the newest. */
export const MAX_DRAWN_BATCHES = 8;

/** Most just-answered requests a snapshot carries. */
export const MAX_RECENTLY_COMPLETED = 50;

/**
 * Every partition 0..partitions−1 (empty queue where no deque exists yet), plus any higher partition a custom
 * partitioner sent records to (they wait there for a leader that never comes). Marks each queued batch in `places`.
 */
export function accumulatorQueues(
  acc: RecordAccumulator,
  partitions: number,
  places: Map<number, ProduceRequestEvent | null>,
): AccumulatorQueueView[] {
  const count = Math.max(partitions, acc.deques.length);
  const out: AccumulatorQueueView[] = new Array(count);
  for (let p = 0; p < count; p++) {
    const dq = acc.getDeque(p);
    const batches: BatchView[] = [];
    const batchCount = dq === undefined ? 0 : dq.length;
    if (dq !== undefined) {
      // A long queue (the producer outrunning the brokers) is drawn as its head, a gap and its open tail: the
      // snapshot must stay small enough to copy to the page every frame.
      const headCount = batchCount > MAX_DRAWN_BATCHES ? MAX_DRAWN_BATCHES - 1 : batchCount;
      let i = 0;
      for (const b of dq) {
        places.set(b.id, null);
        if (i < headCount || i === batchCount - 1)
          batches.push(batchView(b, acc.batchSize, acc.lingerMs));
        i++;
      }
    }
    out[p] = {
      partition: p,
      muted: acc.isMuted(p),
      batches,
      batchCount,
      hiddenBatches: batchCount - batches.length,
    };
  }
  return out;
}

/**
 * The Sender at `nowMs`: the nodes its latest ready() found (kept `recentWindowMs` after they were drained, so a
 * frame can show them), requests not yet answered (in flight), those answered within `recentWindowMs` (at most
 * MAX_RECENTLY_COMPLETED, the newest), retries waiting. Marks each batch of an outstanding request in `places`.
 */
export function senderView(
  sender: Sender,
  nowMs: number,
  recentWindowMs: number,
  maxInFlightPerConnection: number,
  places: Map<number, ProduceRequestEvent | null>,
): SenderView {
  const inFlight: ProduceRequestEvent[] = [];
  const answered: ProduceRequestEvent[] = [];
  for (const e of sender.events.recentRequests()) {
    if (e.responseMs < 0) {
      inFlight.push(copyRequest(e));
      for (const b of e.batches) places.set(b.batchId, e);
    } else if (nowMs - e.responseMs <= recentWindowMs) {
      answered.push(e);
    }
  }
  const recent = answered.slice(-MAX_RECENTLY_COMPLETED).map(copyRequest);
  return {
    readyNodes: sender.recentReadyNodes(nowMs, recentWindowMs),
    inFlight,
    recentlyCompleted: recent,
    maxInFlightPerConnection,
    retries: sender.events.retriesWaiting(),
  };
}

function copyRequest(e: ProduceRequestEvent): ProduceRequestEvent {
  return { ...e, batches: e.batches.map((b) => ({ ...b })) };
}
