/**
 * A broker's condition in words and the replicas it holds, from the snapshot's broker and partition reports:
 * the text the broker boxes show (so a crashed or isolated broker is named, not only coloured).
 */
import type { BrokerReport, PartitionReport } from '../../../model/run/RunSnapshot';

/** "crashed", "isolated", "slow +20 ms", "follower stalled", or "" for a healthy broker. */
export function brokerStatus(broker: BrokerReport): string {
  const words: string[] = [];
  if (!broker.alive) words.push('crashed');
  if (broker.isolated) words.push('isolated');
  if (broker.slowExtraMs > 0) words.push(`slow +${broker.slowExtraMs} ms`);
  if (broker.stalled) words.push('follower stalled');
  return words.join(', ');
}

export interface ReplicaView {
  readonly partition: number;
  readonly leader: boolean;
  readonly inIsr: boolean;
  readonly logEndOffset: number;
  readonly highWatermark: number;
  /** The ISR, for a leader's line. */
  readonly isr: readonly number[];
}

/** The replicas `brokerId` holds, by partition. */
export function replicasOf(
  brokerId: number,
  partitions: readonly PartitionReport[],
): ReplicaView[] {
  const out: ReplicaView[] = [];
  for (const p of partitions) {
    const i = p.replicas.indexOf(brokerId);
    if (i < 0) continue;
    out.push({
      partition: p.partition,
      leader: p.leader === brokerId,
      inIsr: p.isr.includes(brokerId),
      logEndOffset: p.replicaLogEndOffsets[i] ?? p.logEndOffset,
      highWatermark: p.leader === brokerId ? p.highWatermark : (p.replicaHighWatermarks[i] ?? -1),
      isr: p.isr,
    });
  }
  return out;
}

/** How much a replica line says: `full` words, `compact` letters, `tiny` offsets only. */
export type ReplicaDetail = 'full' | 'compact' | 'tiny';

/**
 * One replica as a line: `P3 leader LEO 120 HW 118 ISR 0,1,2` (or `P4 follower LEO 90 HW 88 (out of ISR)`) in full,
 * `P3 L LEO 120 HW 118 [0,1,2]` compact, `P3 L 120/118` tiny.
 */
export function replicaLine(r: ReplicaView, detail: ReplicaDetail = 'full'): string {
  const offsets = `LEO ${r.logEndOffset} HW ${r.highWatermark}`;
  if (detail === 'full') {
    const role = r.leader ? 'leader' : 'follower';
    const isr = r.leader ? ` ISR ${r.isr.join(',')}` : r.inIsr ? '' : ' (out of ISR)';
    return `P${r.partition} ${role} ${offsets}${isr}`;
  }
  const role = r.leader ? 'L' : 'F';
  if (detail === 'compact') {
    const isr = r.leader ? ` [${r.isr.join(',')}]` : r.inIsr ? '' : ' ✕ISR';
    return `P${r.partition} ${role} ${offsets}${isr}`;
  }
  return `P${r.partition} ${role}${r.inIsr ? '' : '✕'} ${r.logEndOffset}/${r.highWatermark}`;
}

/** The most detailed form in which every one of a broker's lines fits `maxChars` (one form per broker). */
export function replicaDetail(replicas: readonly ReplicaView[], maxChars: number): ReplicaDetail {
  const fits = (detail: ReplicaDetail) =>
    replicas.every((r) => replicaLine(r, detail).length <= maxChars);
  if (fits('full')) return 'full';
  return fits('compact') ? 'compact' : 'tiny';
}
