/**
 * An acks=all produce request waiting in the purgatory until the high watermark of each of its partitions reaches
 * the end of the batch appended there, or until the request's timeout. Mirrors Kafka's `kafka.server.DelayedProduce`
 * (tryComplete on HW increase / ISR change, onExpiration → REQUEST_TIMED_OUT for partitions still waiting).
 * Leadership only moves when the leader crashes, and the crashed broker's purgatory dies with it (its waiters are
 * dropped at the election), so Kafka's completion with NOT_LEADER_OR_FOLLOWER on a leader change is not needed.
 */
import type { EventHandle, SimEvent } from '../engine/EventQueue';
import type { ProduceErrorName, ProduceResponse } from './ProduceRequest';

/** Who is told when the operation completes (the broker, which then sends the response). */
export interface DelayedProduceCompletion {
  completeDelayedProduce(op: DelayedProduce, nowMs: number): void;
}

export class DelayedProduce implements SimEvent {
  /** Per partition entry of the response: still waiting for replication. */
  private readonly acksPending: boolean[];
  private pendingCount = 0;
  private done = false;
  /** The expiration event, set by the broker. */
  timeoutHandle: EventHandle | null = null;

  /**
   * @param response the response being built; partitions still waiting carry REQUEST_TIMED_OUT (as Kafka
   *   initialises them), so expiration needs no further change
   * @param context opaque for this class: the broker's in-progress request
   */
  constructor(
    readonly response: ProduceResponse,
    readonly context: unknown,
    private readonly owner: DelayedProduceCompletion,
  ) {
    this.acksPending = new Array<boolean>(response.partitions.length).fill(false);
  }

  get isCompleted(): boolean {
    return this.done;
  }

  get pendingPartitions(): number {
    return this.pendingCount;
  }

  /** Marks response entry `index` as waiting for the high watermark. */
  await(index: number): void {
    this.acksPending[index] = true;
    this.response.partitions[index].error = 'REQUEST_TIMED_OUT';
    this.pendingCount++;
  }

  /** The high watermark passed this entry's batch; `error` is NONE or NOT_ENOUGH_REPLICAS_AFTER_APPEND. */
  satisfy(index: number, error: ProduceErrorName, nowMs: number): void {
    if (this.done || !this.acksPending[index]) return;
    this.acksPending[index] = false;
    this.response.partitions[index].error = error;
    if (--this.pendingCount === 0) this.complete(nowMs);
  }

  /** Completes now if nothing is pending (e.g. RF = 1: the HW moved at append). */
  tryCompleteNow(nowMs: number): boolean {
    if (!this.done && this.pendingCount === 0) this.complete(nowMs);
    return this.done;
  }

  /** Expiration: partitions still waiting keep REQUEST_TIMED_OUT. */
  run(nowMs: number): void {
    this.timeoutHandle = null;
    if (!this.done) this.complete(nowMs);
  }

  private complete(nowMs: number): void {
    this.done = true;
    this.owner.completeDelayedProduce(this, nowMs);
  }
}
