// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario, mergeScenarioQueries } from './ScenarioCodec';

describe('the fault key', () => {
  it('repeats, keeps the given order, and is not a duplicate-key warning', () => {
    const { scenario, problems } = decodeScenario(
      'fault=2000%3Arestart%3A0&acks=1&fault=1000%3Acrash%3A0&fault=1000%3Arestart-producer',
    );
    expect(problems).toEqual([
      expect.objectContaining({ key: 'acks', severity: 'warning' }), // idempotence turned off by acks=1
    ]);
    expect(scenario.faults).toEqual([
      { atMs: 2000, action: { kind: 'restart', broker: 0 } },
      { atMs: 1000, action: { kind: 'crash', broker: 0 } },
      { atMs: 1000, action: { kind: 'restart-producer' } },
    ]);
  });

  it('encodes in time order (ties stable), after every other key, and round-trips', () => {
    const query =
      'brokers=4&fault=3000:heal:3&seed=7&fault=500:isolate:3&fault=500:drop-responses:1:2&duration.ms=5000';
    const encoded = encodeScenario(decodeScenario(query).scenario);
    expect(encoded).toBe(
      'seed=7&brokers=4&duration.ms=5000&fault=500%3Aisolate%3A3&fault=500%3Adrop-responses%3A1%3A2&fault=3000%3Aheal%3A3',
    );
    const again = decodeScenario(encoded);
    expect(again.problems).toEqual([]);
    expect(encodeScenario(again.scenario)).toBe(encoded);
  });

  it('reports a bad fault on the key fault with its value and reason, and drops it', () => {
    const { scenario, problems } = decodeScenario(
      'brokers=2&fault=100:crash:2&fault=100:error:9:NOT_LEADER_OR_FOLLOWER:1&fault=100:error:0:BOGUS:1&fault=x&fault=100:crash:1',
    );
    expect(scenario.faults).toEqual([{ atMs: 100, action: { kind: 'crash', broker: 1 } }]);
    expect(problems.map((p) => [p.key, p.value, p.severity])).toEqual([
      ['fault', '100:crash:2', 'error'],
      ['fault', '100:error:9:NOT_LEADER_OR_FOLLOWER:1', 'error'],
      ['fault', '100:error:0:BOGUS:1', 'error'],
      ['fault', 'x', 'error'],
    ]);
    expect(problems[0].message).toBe(
      'Invalid value 100:crash:2 for fault: broker "2" does not exist (brokers=2: 0…1); the fault is ignored',
    );
    expect(problems[1].message).toMatch(/partition "9" does not exist \(partitions=6: 0…5\)/);
    expect(problems[2].message).toMatch(/unknown error "BOGUS"/);
  });

  it('checks brokers against the decoded brokers key wherever it stands in the query', () => {
    expect(decodeScenario('fault=10:crash:4&brokers=5').problems).toEqual([]);
    expect(decodeScenario('fault=10:crash:4&brokers=5').scenario.faults).toHaveLength(1);
  });

  it('warns about a fault after duration.ms but keeps it', () => {
    const { scenario, problems } = decodeScenario('duration.ms=1000&fault=1500:crash:0');
    expect(scenario.faults).toHaveLength(1);
    expect(problems).toEqual([
      {
        key: 'fault',
        value: '1500:crash:0',
        message:
          'fault 1500:crash:0 is at 1500 ms, after the run ends (duration.ms=1000): it never happens',
        severity: 'warning',
      },
    ]);
  });

  it('never throws on strange fault values', () => {
    for (const v of [
      '',
      ':',
      '::::',
      '1e3:crash:0',
      '1:crash:0:0',
      '%FF',
      '1:error:0:NOT_ENOUGH_REPLICAS:1.5',
    ]) {
      const decoded = decodeScenario(`fault=${v}`);
      expect(decoded.scenario.faults).toEqual([]);
      expect(decoded.problems.some((p) => p.key === 'fault' && p.severity === 'error')).toBe(true);
    }
  });

  it('merging: faults of the override replace the base timeline; otherwise the base keeps its own', () => {
    const base = 'acks=1&fault=100:crash:0&fault=200:restart:0';
    expect(mergeScenarioQueries(base, 'linger.ms=1')).toBe(
      'acks=1&linger.ms=1&fault=100%3Acrash%3A0&fault=200%3Arestart%3A0',
    );
    expect(mergeScenarioQueries(base, 'fault=50:isolate:1')).toBe('acks=1&fault=50%3Aisolate%3A1');
  });
});
