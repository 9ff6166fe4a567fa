/**
 * Plain-data snapshots of the cluster for the runner's report and the explorer: per partition the replication
 * state (leader, epochs, ISR, each replica's log end offset, high watermark), per broker its fault flags and
 * counters. Simulation-only; nothing here is read on a hot path.
 */
import type { SimBroker } from './SimBroker';
import type { SimPartition } from './SimPartition';

/** A partition's replication state (plain data). */
export interface PartitionReport {
  readonly partition: number;
  readonly leader: number | null;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  /** Each replica's log end offset, aligned with `replicas`. */
  readonly replicaLogEndOffsets: readonly number[];
  /** Each replica's own idea of the high watermark, aligned with `replicas`. */
  readonly replicaHighWatermarks: readonly number[];
  readonly highWatermark: number;
  readonly logEndOffset: number;
  readonly storedRecordCount: number;
  readonly truncated: boolean;
  /** Records cut from the log by elections (a new leader without them). */
  readonly recordsTruncated: number;
}

/** A broker's state (plain data). */
export interface BrokerReport {
  readonly id: number;
  readonly alive: boolean;
  readonly isolated: boolean;
  /** Extra ms per append (the slow fault), 0 if not slow. */
  readonly slowExtraMs: number;
  readonly stalled: boolean;
  readonly produceRequests: number;
  readonly batchesAppended: number;
  readonly recordsAppended: number;
  readonly duplicateBatches: number;
  readonly rejectedBatches: number;
  readonly responsesDropped: number;
}

export function partitionReports(parts: readonly SimPartition[]): PartitionReport[] {
  return parts.map((p) => ({
    partition: p.partition,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    partitionEpoch: p.partitionEpoch,
    replicas: [...p.replicas],
    isr: [...p.isr],
    replicaLogEndOffsets: [...p.replicaLeo],
    replicaHighWatermarks: [...p.replicaHw],
    highWatermark: p.highWatermark,
    logEndOffset: p.log.logEndOffset,
    storedRecordCount: p.log.storedRecordCount,
    truncated: p.log.truncated,
    recordsTruncated: p.log.recordsTruncated,
  }));
}

export function brokerReports(brokers: readonly SimBroker[]): BrokerReport[] {
  return brokers.map((b) => ({
    id: b.id,
    alive: b.alive,
    isolated: b.isolated,
    slowExtraMs: b.appendExtraMs,
    stalled: b.stalled,
    produceRequests: b.produceRequests,
    batchesAppended: b.batchesAppended,
    recordsAppended: b.recordsAppended,
    duplicateBatches: b.duplicateBatches,
    rejectedBatches: b.rejectedBatches,
    responsesDropped: b.responsesDropped,
  }));
}
