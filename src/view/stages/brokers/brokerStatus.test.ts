// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { snapshotAt } from '../../testing/modelSnapshots';
import { brokerStatus, replicaDetail, replicaLine, replicasOf } from './brokerStatus';

describe('brokerStatus', () => {
  it('names every fault a broker is under', () => {
    const s = snapshotAt(
      'fault=10%3Acrash%3A0&fault=10%3Aslow%3A1%3A20&fault=10%3Aisolate%3A2',
      20,
    );
    expect(brokerStatus(s.brokers[0])).toBe('crashed');
    expect(brokerStatus(s.brokers[1])).toBe('slow +20 ms');
    expect(brokerStatus(s.brokers[2])).toBe('isolated');
    expect(brokerStatus(snapshotAt('', 5).brokers[0])).toBe('');
  });

  it('lists a broker’s replicas with their role, offsets and ISR membership', () => {
    const s = snapshotAt('keys=50&replication.factor=2', 200);
    const replicas = replicasOf(0, s.partitions);
    const hosted = s.partitions.filter((p) => p.replicas.includes(0));
    expect(replicas.map((r) => r.partition)).toEqual(hosted.map((p) => p.partition));
    const lead = replicas.find((r) => r.leader)!;
    const report = s.partitions[lead.partition];
    expect(lead.logEndOffset).toBe(report.logEndOffset);
    expect(lead.highWatermark).toBe(report.highWatermark);
  });

  it('shortens lines to fit, choosing one form for all of a broker’s replicas', () => {
    const replica = {
      partition: 3,
      leader: true,
      inIsr: true,
      logEndOffset: 120,
      highWatermark: 118,
      isr: [0, 1, 2],
    };
    const follower = { ...replica, partition: 4, leader: false, inIsr: false };
    expect(replicaLine(replica)).toBe('P3 leader LEO 120 HW 118 ISR 0,1,2');
    expect(replicaLine(follower)).toBe('P4 follower LEO 120 HW 118 (out of ISR)');
    expect(replicaLine(replica, 'compact')).toBe('P3 L LEO 120 HW 118 [0,1,2]');
    expect(replicaLine(follower, 'tiny')).toBe('P4 F✕ 120/118');
    expect(replicaDetail([replica, follower], 60)).toBe('full');
    expect(replicaDetail([replica, follower], 36)).toBe('compact');
    expect(replicaDetail([replica, follower], 20)).toBe('tiny');
  });
});
