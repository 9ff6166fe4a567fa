// @vitest-environment node
/** The tables' number formats and captions (a set-up from a real Comparison, built but not run). */
import { describe, expect, it } from 'vitest';
import { Comparison } from '../../model/run/Comparison';
import { acksVariants } from '../../model/run/ComparisonVariants';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import {
  describeLossRun,
  describeRuns,
  formatCount,
  formatLatency,
  formatRatio,
  formatThroughput,
} from './compareFormat';

describe('compareFormat', () => {
  it('prints counts whole from 100 up and with three significant digits below', () => {
    expect(formatCount(809_510.4)).toBe('809,510');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12.345)).toBe('12.3');
    expect(formatCount(0.0953)).toBe('0.0953');
    expect(formatCount(0)).toBe('0');
  });

  it('prints latencies, ratios and throughput with their units', () => {
    expect(formatLatency(3.0167)).toBe('3.02 ms');
    expect(formatLatency(463.2)).toBe('463 ms');
    expect(formatLatency(null)).toBe('—');
    expect(formatRatio(1.8750162)).toBe('1.88 : 1');
    expect(formatRatio(null)).toBe('—');
    expect(formatThroughput(809_510, 77.2008)).toBe('809,510 records/s · 77.2 MB/s');
  });

  it('says in the caption what was run', () => {
    const { scenario } = decodeScenario(
      'throughput=2000&duration.ms=3000&fault=200:stall-follower:1',
    );
    const setup = new Comparison(scenario, 'acks', acksVariants()).setup;
    expect(describeRuns(setup)).toBe(
      'Measured, not quoted: 2000 records/s of 100-byte json values, null keys, send.mode=async; each row ' +
        'ran 3,000 ms of simulated time at seed 1 on 3 brokers, 6 partitions, replication.factor=3; the most ' +
        "it can send from 100 ms more with throughput=-1. The scenario's own faults apply too: " +
        'fault=200:stall-follower:1.',
    );
    expect(describeLossRun(setup, [])).toMatch(
      /^Data loss: each row ran again with the leader of partition 0 crashed at 1,500 ms;/,
    );
  });
});
