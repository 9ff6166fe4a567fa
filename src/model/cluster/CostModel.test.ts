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
      netLatencyMs: 0.25,
      netBandwidthMbps: 1000,
      producerCpuRecordUs: 1.0,
      producerCpuByteNs: 0.5,
      brokerAppendBatchUs: 20,
      brokerAppendByteNs: 1,
      replicaFetchWaitMaxMs: 500,
    });
    for (const key of Object.values(COST_MODEL_KEYS)) expect(key.doc.length).toBeGreaterThan(10);
  });

  it('builds from dotted keys, defaulting the rest', () => {
    const c = costModelFrom({ 'net.latency.ms': 2, 'replica.fetch.wait.max.ms': 100 });
    expect(c.netLatencyMs).toBe(2);
    expect(c.replicaFetchWaitMaxMs).toBe(100);
    expect(c.netBandwidthMbps).toBe(1000);
    expect(costModelFrom({})).toEqual(DEFAULT_COST_MODEL);
  });

  it('rejects unknown keys and bad values, naming the key', () => {
    expect(() => costModelFrom({ 'net.latency': 1 })).toThrow(/Unknown cost key 'net.latency'/);
    expect(() => costModelFrom({ 'net.latency.ms': -1 })).toThrow(/'net.latency.ms'/);
    expect(() => costModelFrom({ 'broker.append.byte.ns': Number.NaN })).toThrow(/finite/);
    expect(() => costModelFrom({ 'net.bandwidth.mbps': 0 })).toThrow(/> 0/);
  });

  it('converts units: 1000 Mbit/s = 125,000 bytes/ms; µs and ns to ms', () => {
    expect(bandwidthBytesPerMs(DEFAULT_COST_MODEL)).toBe(125_000);
    // 20 µs + 16384 bytes × 1 ns
    expect(brokerAppendCostMs(DEFAULT_COST_MODEL, 16384)).toBeCloseTo(0.02 + 0.016384, 12);
    // 1 µs + 100 bytes × 0.5 ns
    expect(producerRecordCostMs(DEFAULT_COST_MODEL, 100)).toBeCloseTo(0.001 + 0.00005, 12);
  });
});
