// @vitest-environment node
/**
 * The adaptive built-in partitioner against a slow leader, end to end through the Sender (KIP-794; Kafka's
 * RecordAccumulatorTest.testAdaptiveBuiltInPartitioner checks the weights, this checks the effect): keyless records
 * go less to the partition whose leader answers slowly (its queue is longer), and with
 * partitioner.availability.timeout.ms a leader that cannot be drained is avoided altogether.
 */
import { describe, expect, it } from 'vitest';
import type { ProduceRequest } from '../../../cluster/ProduceRequest';
import { UNKNOWN_PARTITION } from './RecordAccumulator';
import { SenderHarness } from './SenderTestKit';

/**
 * 1 ms steps from `fromMs` to `toMs`: two keyless 100-byte records per step, one Sender run; node 0 answers after 1 ms,
 * node 1 after `slowMs` (or never, if Infinity). Returns records per partition.
 */
function drive(h: SenderHarness, fromMs: number, toMs: number, slowMs: number): number[] {
  const sentAt = new Map<ProduceRequest, number>();
  const perPartition = [0, 0, 0];
  for (let t = fromMs; t < toMs; t++) {
    for (const r of [...h.client.outstanding]) {
      const at = sentAt.get(r) ?? t;
      sentAt.set(r, at);
      const delay = r.node === 1 ? slowMs : 1;
      // Answers come back in request order per connection.
      const older = h.client.outstanding.find((x) => x.node === r.node);
      if (older === r && t - at >= delay) h.client.respond(r, 'NONE', t);
    }
    for (let i = 0; i < 2; i++) {
      const rec = h.append(UNKNOWN_PARTITION, t, 100);
      perPartition[rec.partition]++;
    }
    h.run(t);
  }
  return perPartition;
}

describe('adaptive partitioning with a slow broker', () => {
  const options = { leaders: [0, 1, 1] as (number | null)[], batchSize: 1024, lingerMs: 5 };

  it('sends fewer keyless records to partitions led by a slow broker', () => {
    // Node 1 answers after 100 ms: 5 requests in flight of ≤ 2 batches of ~8 records drain ~800 records/s,
    // while a uniform spread would give its two partitions ~1,333 of the 2,000 records/s.
    const uniform = drive(new SenderHarness({ ...options, adaptive: false }), 0, 3000, 100);
    const adaptive = drive(new SenderHarness({ ...options, adaptive: true }), 0, 3000, 100);
    const share = (c: number[]) => (c[1] + c[2]) / (c[0] + c[1] + c[2]);
    expect(share(uniform)).toBeGreaterThan(0.6);
    expect(share(adaptive)).toBeLessThan(0.5);
  });

  it('partitioner.availability.timeout.ms keeps records away from a leader that cannot be drained', () => {
    const h = new SenderHarness({
      ...options,
      adaptive: true,
      availabilityTimeoutMs: 100,
    });
    // Node 1 never answers: after 5 requests in flight its connection is never ready again.
    const counts = drive(h, 0, 2000, Number.POSITIVE_INFINITY);
    const before = counts[1] + counts[2];
    const later = drive(h, 2000, 3000, Number.POSITIVE_INFINITY);
    expect(before).toBeGreaterThan(0);
    expect(later[1] + later[2]).toBe(0);
    expect(later[0]).toBe(2000);
  });
});
