// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  bandwidthBytesPerMs,
  brokerAppendCostMs,
  COST_MODEL_KEYS,
  costModelFrom,
  DEFAULT_COST_MODEL,
  producerRecordCostMs,
} from './CostModel';

describe('CostModel', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_COST_MODEL).toEqual({
      netLatencyMs: 0.5,
      netBandwidthMbps: 313,
      producerCpuRecordUs: 1.1,
      producerCpuByteNs: 1.2,
      brokerAppendBatchUs: 10,
      brokerAppendByteNs: 14,
      replicaFetchWaitMaxMs: 500,
    });
    for (const key of Object.values(COST_MODEL_KEYS)) expect(key.doc.length).toBeGreaterThan(10);
  });

  it('builds from dotted keys, defaulting the rest', () => {
    const c = costModelFrom({ 'net.latency.ms': 2, 'replica.fetch.wait.max.ms': 100 });
    expect(c.netLatencyMs).toBe(2);
    expect(c.replicaFetchWaitMaxMs).toBe(100);
    expect(c.netBandwidthMbps).toBe(313);
    expect(costModelFrom({})).toEqual(DEFAULT_COST_MODEL);
  });

  it('rejects unknown keys and bad values, naming the key', () => {
    expect(() => costModelFrom({ 'net.latency': 1 })).toThrow(/Unknown cost key 'net.latency'/);
    expect(() => costModelFrom({ 'net.latency.ms': -1 })).toThrow(/'net.latency.ms'/);
    expect(() => costModelFrom({ 'broker.append.byte.ns': Number.NaN })).toThrow(/finite/);
    expect(() => costModelFrom({ 'net.bandwidth.mbps': 0 })).toThrow(/> 0/);
  });

  it('converts units: 1000 Mbit/s = 125,000 bytes/ms; µs and ns to ms', () => {
    const c = costModelFrom({
      'net.bandwidth.mbps': 1000,
      'broker.append.batch.us': 20,
      'broker.append.byte.ns': 1,
      'producer.cpu.record.us': 1,
      'producer.cpu.byte.ns': 0.5,
    });
    expect(bandwidthBytesPerMs(c)).toBe(125_000);
    // 20 µs + 16384 bytes × 1 ns
    expect(brokerAppendCostMs(c, 16384)).toBeCloseTo(0.02 + 0.016384, 12);
    // 1 µs + 100 bytes × 0.5 ns
    expect(producerRecordCostMs(c, 100)).toBeCloseTo(0.001 + 0.00005, 12);
  });

  it('defaults cost a Kreps record (100-byte value, no key) 1.22 µs of producer CPU', () => {
    // 1.1 µs + 100 bytes × 1.2 ns: one thread sends at most ~820,000 records/s, his no-replication figure.
    expect(1000 / producerRecordCostMs(DEFAULT_COST_MODEL, 100)).toBeCloseTo(819_672, 0);
    // A full 64000-byte batch: 10 µs + 64000 × 14 ns = 0.906 ms, paid by the leader and again by each follower.
    expect(brokerAppendCostMs(DEFAULT_COST_MODEL, 64_000)).toBeCloseTo(0.906, 12);
  });
});
