/**
 * One simulated broker's produce path: requests are read one at a time per connection (Kafka mutes a channel from
 * the moment a request is read until its response is sent), handled on a single FIFO CPU (append cost per batch +
 * per byte), appended to the leader logs, and answered as acks demands: acks=0 never, acks=1 after the append,
 * acks=all from the purgatory once the HW passes every batch (or REQUEST_TIMED_OUT after the request's timeout).
 * Mirrors `KafkaApis.handleProduceRequest` + `ReplicaManager.appendRecords` (with UnifiedLog's producer-state
 * validation: duplicates answered with their original offset, sequence gaps and stale epochs rejected) + the
 * SocketServer's channel muting. Faults: a crash drops everything in progress (no answers; work scheduled by the old
 * incarnation is ignored), a slow broker pays extra per partition append, dropped responses break the response
 * direction of their connection, injected errors answer a partition without appending.
 * Left out: several request handler threads, disk, quotas/throttling.
 */

import type { ErrorName } from '../common/protocol/Errors';
import type { EventHandle, SimEvent } from '../engine/EventQueue';
import type { Simulation } from '../engine/Simulation';
import { brokerAppendCostMs, type CostModel } from './CostModel';
import { DelayedProduce, type DelayedProduceCompletion } from './DelayedProduce';
import { lastSequenceOf } from './PartitionLog';
import {
  type PartitionResponse,
  type ProduceRequest,
  type ProduceResponse,
  produceResponseSizeInBytes,
} from './ProduceRequest';
import type { FollowerBroker, ReplicaFetcher } from './ReplicaFetcher';
import type { SimPartition } from './SimPartition';

/** The broker's end of one client connection (implemented by NetworkClient). */
export interface BrokerChannel {
  /** Unique per physical connection: a reconnect gets a new id. */
  readonly channelId: number;
  readonly open: boolean;
  /** Queues a response on the broker→client link; returns when its last byte has left the broker. */
  sendResponse(response: ProduceResponse, nowMs: number): number;
  /** The broker closes the connection (acks=0 request with an error). */
  closeFromBroker(nowMs: number): void;
  /** From now on responses on this connection are lost on the way (the drop-responses fault). */
  loseResponses(): void;
}

/** What the broker needs from the cluster. */
export interface BrokerContext {
  readonly topic: string;
  readonly messageMaxBytes: number;
  partition(p: number): SimPartition;
  /** Fetchers of followers copying partition `p` from its leader. */
  followerFetchersOf(p: number): readonly ReplicaFetcher[];
  /** The next injected error for partition `p` (consumed), or null. */
  takeInjectedError(p: number): ErrorName | null;
}

interface ChannelState {
  busy: boolean;
  closed: boolean;
  queue: InboundProduce[];
  queueHead: number;
}

/** A produce request read from a channel: first the CPU work, then (phase 2) the wait until its response is out. */
class InboundProduce implements SimEvent {
  phase = 0;
  constructor(
    readonly request: ProduceRequest,
    readonly channel: BrokerChannel,
    readonly state: ChannelState,
    private readonly broker: SimBroker,
    /** The broker's incarnation that read it: work of a crashed incarnation is void. */
    readonly incarnation: number,
  ) {}
  run(nowMs: number): void {
    if (this.incarnation !== this.broker.incarnation) return;
    if (this.phase === 0) this.broker.appendRequest(this, nowMs);
    else this.broker.finishRequest(this, nowMs);
  }
}

export class SimBroker implements FollowerBroker, DelayedProduceCompletion {
  /** False while crashed. */
  alive = true;
  /** Bumped by every crash. */
  incarnation = 0;
  /** Extra ms per partition append (the slow fault), leader and follower appends alike. */
  appendExtraMs = 0;
  /** The stall-follower fault: its replica fetchers stop. */
  stalled = false;
  /** The producer's connection to this broker is cut (the isolate fault; the NetworkClient enforces it). */
  isolated = false;
  /** Produce responses still to drop (the drop-responses fault). */
  dropResponsesRemaining = 0;
  /** Batches answered as duplicates (broker-side idempotence) and rejected by the producer state. */
  duplicateBatches = 0;
  rejectedBatches = 0;
  responsesDropped = 0;
  private cpuFreeAt = 0;
  private readonly channels = new Map<number, ChannelState>();
  private readonly responseSizes: number[] = [];
  // Counters for reports.
  produceRequests = 0;
  bytesIn = 0;
  batchesAppended = 0;
  recordsAppended = 0;
  cpuBusyMs = 0;
  responsesSent = 0;
  /** Number of acks=all requests in the purgatory, waiting for replication. */
  delayedProduceCount = 0;

  constructor(
    readonly id: number,
    private readonly sim: Simulation,
    private readonly cost: CostModel,
    private readonly ctx: BrokerContext,
  ) {}

  /** Simulated ms at which the CPU is free. */
  get cpuFreeAtMs(): number {
    return this.cpuFreeAt;
  }

  reserveCpu(costMs: number, nowMs: number): number {
    const start = Math.max(this.cpuFreeAt, nowMs);
    this.cpuFreeAt = start + costMs;
    this.cpuBusyMs += costMs;
    return this.cpuFreeAt;
  }

  /** The broker dies: requests in progress, purgatory and connections are gone (the cluster fences it later). */
  crash(nowMs: number): void {
    this.alive = false;
    this.incarnation++;
    this.channels.clear();
    this.delayedProduceCount = 0;
    this.cpuFreeAt = nowMs;
  }

  /** The broker is back with an idle CPU (its replicas are truncated by the cluster). */
  restart(nowMs: number): void {
    this.alive = true;
    this.cpuFreeAt = nowMs;
  }

  /** A produce request's last byte arrived on `channel`. */
  handleProduceRequest(request: ProduceRequest, channel: BrokerChannel, nowMs: number): void {
    if (!this.alive || !channel.open) return;
    this.produceRequests++;
    this.bytesIn += request.sizeInBytes;
    let state = this.channels.get(channel.channelId);
    if (state === undefined) {
      state = { busy: false, closed: false, queue: [], queueHead: 0 };
      this.channels.set(channel.channelId, state);
    }
    const inbound = new InboundProduce(request, channel, state, this, this.incarnation);
    if (state.busy) state.queue.push(inbound);
    else this.startRequest(inbound, nowMs);
  }

  /** The client closed the connection: requests not yet read are lost; one being handled still completes. */
  channelClosed(channelId: number): void {
    const state = this.channels.get(channelId);
    if (state === undefined) return;
    state.closed = true;
    state.queue.length = 0;
    state.queueHead = 0;
    if (!state.busy) this.channels.delete(channelId);
  }

  private startRequest(inbound: InboundProduce, nowMs: number): void {
    inbound.state.busy = true;
    let costMs = 0;
    const batches = inbound.request.batches;
    for (let i = 0; i < batches.length; i++) {
      costMs += brokerAppendCostMs(this.cost, batches[i].sizeInBytes) + this.appendExtraMs;
    }
    this.sim.at(this.reserveCpu(costMs, nowMs), inbound);
  }

  /** @internal The CPU finished validating the request: append and answer (or wait) as acks says. */
  appendRequest(inbound: InboundProduce, nowMs: number): void {
    const request = inbound.request;
    const ctx = this.ctx;
    const batches = request.batches;
    const partitions: PartitionResponse[] = new Array(batches.length);
    let answered = 0;
    for (let i = 0; i < batches.length; i++) {
      const b = batches[i];
      const p = ctx.partition(b.partition);
      const entry: PartitionResponse = {
        partition: b.partition,
        error: 'NONE',
        baseOffset: -1,
        logAppendTimeMs: -1,
      };
      partitions[i] = entry;
      const injected = ctx.takeInjectedError(b.partition);
      // Same order of checks as Partition.appendRecordsToLeader, then UnifiedLog's validation.
      if (injected !== null) {
        entry.error = injected;
      } else if (p.leader !== this.id) {
        entry.error = 'NOT_LEADER_OR_FOLLOWER';
      } else if (request.acks === -1 && p.isr.length < p.effectiveMinIsr()) {
        entry.error = 'NOT_ENOUGH_REPLICAS';
      } else if (b.sizeInBytes > ctx.messageMaxBytes) {
        entry.error = 'MESSAGE_TOO_LARGE';
      } else {
        const check =
          b.producerId < 0
            ? 'NONE'
            : p.producerState.check(
                b.producerId,
                b.producerEpoch,
                b.baseSequence,
                lastSequenceOf(b.baseSequence, b.recordCount),
              );
        if (check === 'NONE') {
          entry.baseOffset = p.appendAsLeader(b, nowMs);
          answered++;
          this.batchesAppended++;
          this.recordsAppended += b.recordCount;
        } else if (check === 'DUPLICATE') {
          // Not written again: success with the original batch's offset.
          entry.baseOffset = p.producerState.duplicateFirstOffset;
          answered++;
          this.duplicateBatches++;
        } else {
          entry.error = check;
          this.rejectedBatches++;
        }
      }
      // KIP-951: the current leader rides along with NOT_LEADER_OR_FOLLOWER / FENCED_LEADER_EPOCH.
      if (
        (entry.error === 'NOT_LEADER_OR_FOLLOWER' || entry.error === 'FENCED_LEADER_EPOCH') &&
        p.leader !== null
      ) {
        entry.currentLeader = { leaderId: p.leader, leaderEpoch: p.leaderEpoch };
      }
    }
    const response: ProduceResponse = {
      requestId: request.id,
      node: this.id,
      partitions,
      sizeInBytes: this.responseSize(batches.length),
    };
    if (answered > 0) this.afterAppend(request, partitions, nowMs);
    if (request.acks === 0) {
      // KafkaApis closes an acks=0 connection on any error: the only way the client can notice.
      if (answered < batches.length) inbound.channel.closeFromBroker(nowMs);
      this.finishRequest(inbound, nowMs);
    } else if (request.acks === 1 || answered === 0) {
      this.sendResponse(inbound, response, nowMs);
    } else {
      this.delay(inbound, response, nowMs);
    }
  }

  private responseSize(partitionCount: number): number {
    let size = this.responseSizes[partitionCount];
    if (size === undefined) {
      size = produceResponseSizeInBytes(this.ctx.topic, partitionCount);
      this.responseSizes[partitionCount] = size;
    }
    return size;
  }

  /** HW moves (ISR of one), waiters complete, held follower fetches are answered with the new data. */
  private afterAppend(
    request: ProduceRequest,
    partitions: PartitionResponse[],
    nowMs: number,
  ): void {
    const ctx = this.ctx;
    for (let i = 0; i < partitions.length; i++) {
      if (partitions[i].baseOffset < 0) continue;
      const p = ctx.partition(partitions[i].partition);
      if (p.maybeIncrementHighWatermark()) p.completeWaiters(nowMs);
    }
    for (let i = 0; i < partitions.length; i++) {
      if (partitions[i].baseOffset < 0) continue;
      const fetchers = ctx.followerFetchersOf(request.batches[i].partition);
      for (let f = 0; f < fetchers.length; f++) fetchers[f].onLeaderAppend(nowMs);
    }
  }

  private delay(inbound: InboundProduce, response: ProduceResponse, nowMs: number): void {
    const op = new DelayedProduce(response, inbound, this);
    const batches = inbound.request.batches;
    const entries = response.partitions;
    // Mark every appended partition pending first, so satisfying one cannot complete the op early.
    for (let i = 0; i < entries.length; i++) if (entries[i].baseOffset >= 0) op.await(i);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.baseOffset < 0) continue;
      const p = this.ctx.partition(entry.partition);
      const requiredOffset = entry.baseOffset + batches[i].recordCount;
      if (p.highWatermark >= requiredOffset) {
        op.satisfy(i, p.isUnderMinIsr() ? 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' : 'NONE', nowMs);
      } else {
        p.watch(op, i, requiredOffset);
      }
    }
    if (op.isCompleted) return;
    this.delayedProduceCount++;
    // The purgatory timer starts after the local append, so the client's own timeout (from send) fires first.
    op.timeoutHandle = this.sim.after(inbound.request.timeoutMs, op);
  }

  /** @internal Called by a DelayedProduce when all its partitions are done or it expired. */
  completeDelayedProduce(op: DelayedProduce, nowMs: number): void {
    const inbound = op.context as InboundProduce;
    if (inbound.incarnation !== this.incarnation) return; // purgatory died with the broker
    const handle: EventHandle | null = op.timeoutHandle;
    if (handle !== null) {
      this.sim.cancel(handle);
      op.timeoutHandle = null;
      this.delayedProduceCount--;
    } else if (op.pendingPartitions > 0) {
      this.delayedProduceCount--; // expired: the timer itself ran
    }
    this.sendResponse(inbound, op.response, nowMs);
  }

  private sendResponse(inbound: InboundProduce, response: ProduceResponse, nowMs: number): void {
    const channel = inbound.channel;
    inbound.phase = 1;
    if (!channel.open) {
      this.finishRequest(inbound, nowMs);
      return;
    }
    if (this.dropResponsesRemaining > 0) {
      this.dropResponsesRemaining--;
      this.responsesDropped++;
      channel.loseResponses();
    }
    this.responsesSent++;
    const sentMs = channel.sendResponse(response, nowMs);
    if (sentMs > nowMs) this.sim.at(sentMs, inbound);
    else this.finishRequest(inbound, nowMs);
  }

  /** @internal The response is out (or none is due): unmute the channel and read its next request. */
  finishRequest(inbound: InboundProduce, nowMs: number): void {
    if (inbound.incarnation !== this.incarnation) return;
    const state = inbound.state;
    state.busy = false;
    if (state.queueHead < state.queue.length) {
      const next = state.queue[state.queueHead++];
      if (state.queueHead === state.queue.length) {
        state.queue.length = 0;
        state.queueHead = 0;
      }
      this.startRequest(next, nowMs);
    } else if (state.closed) {
      this.channels.delete(inbound.channel.channelId);
    }
  }
}
