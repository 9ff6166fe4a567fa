// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRODUCER_CONFIG_KEYS } from '../model/clients/producer/ProducerConfigKeys';
import { PRESETS, presetById } from './presets';
import { DEFAULT_SCENARIO, type Problem } from './Scenario';
import {
  decodeScenario,
  encodeScenario,
  mergeScenarioQueries,
  scenarioProblemsFatal,
} from './ScenarioCodec';
import { SCENARIO_KEYS } from './ScenarioKeys';

function problemsOf(query: string): Problem[] {
  return decodeScenario(query).problems;
}

describe('defaults', () => {
  it('the default scenario encodes to the empty query and back', () => {
    expect(encodeScenario(DEFAULT_SCENARIO)).toBe('');
    expect(decodeScenario('')).toEqual({ scenario: DEFAULT_SCENARIO, problems: [] });
    expect(decodeScenario('?')).toEqual({ scenario: DEFAULT_SCENARIO, problems: [] });
  });

  it('omits values equal to their default, even when given', () => {
    expect(
      encodeScenario(decodeScenario('brokers=3&seed=1&topic=topic&key.separator=%09').scenario),
    ).toBe('');
  });

  it('keeps producer configs that were set explicitly, even to their default (explicitness matters)', () => {
    const { scenario } = decodeScenario('enable.idempotence=true&linger.ms=5');
    expect(scenario.producer).toEqual({ 'enable.idempotence': 'true', 'linger.ms': '5' });
    expect(encodeScenario(scenario)).toBe('linger.ms=5&enable.idempotence=true');
  });

  it('derives the default replication factor from the broker count', () => {
    expect(decodeScenario('brokers=2').scenario.cluster.replicationFactor).toBe(2);
    expect(decodeScenario('brokers=5').scenario.cluster.replicationFactor).toBe(3);
    expect(encodeScenario(decodeScenario('brokers=5&replication.factor=3').scenario)).toBe(
      'brokers=5',
    );
    expect(encodeScenario(decodeScenario('brokers=5&replication.factor=5').scenario)).toBe(
      'brokers=5&replication.factor=5',
    );
  });
});

describe('query syntax', () => {
  it('reads a leading ?, + as space and %-escapes', () => {
    const { scenario, problems } = decodeScenario('?key.prefix=a+b%2Dc&key.list=x%2Cy');
    expect(problems).toEqual([]);
    expect(scenario.workload.keyPrefix).toBe('a b-c');
    expect(scenario.workload.keyList).toEqual(['x', 'y']);
  });

  it('keeps the last of duplicate keys, with a warning', () => {
    const { scenario, problems } = decodeScenario('linger.ms=10&brokers=4&linger.ms=20');
    expect(scenario.producer['linger.ms']).toBe('20');
    expect(problems).toEqual([
      {
        key: 'linger.ms',
        value: '20',
        message: 'Duplicate key linger.ms: the last value ("20") wins over "10"',
        severity: 'warning',
      },
    ]);
  });

  it('names unknown keys in a warning and ignores them', () => {
    expect(problemsOf('lingr.ms=5&bootstrap.servers=x')).toEqual([
      {
        key: 'lingr.ms',
        value: '5',
        message: 'Unknown key lingr.ms: ignored',
        severity: 'warning',
      },
      {
        key: 'bootstrap.servers',
        value: 'x',
        message: 'Unknown key bootstrap.servers: ignored',
        severity: 'warning',
      },
    ]);
  });

  it('reports malformed escapes and bad UTF-8 but still reads the value', () => {
    const { scenario, problems } = decodeScenario('key.prefix=%zz&topic=t%E2%82');
    expect(scenario.workload.keyPrefix).toBe('%zz');
    expect(problems.map((p) => [p.key, p.severity])).toEqual([
      ['key.prefix', 'warning'],
      ['topic', 'warning'],
      ['topic', 'error'],
    ]);
    expect(scenario.topic).toBe('topic');
  });

  it('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (q) => {
        const { scenario, problems } = decodeScenario(q);
        expect(scenario.version).toBe(1);
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on queries made of real keys with arbitrary values', () => {
    const keys = [
      ...SCENARIO_KEYS.map((k) => k.key),
      ...PRODUCER_CONFIG_KEYS.map((k) => k.name),
      'v',
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer().map(String),
      fc.double().map(String),
      fc.constantFrom(
        '-1',
        '0',
        'true',
        'all',
        'RuleBasedPartitioner',
        'US-:0,*:99',
        '%',
        '%E2',
        '6',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 12 }),
        (pairs) => {
          const q = pairs
            .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%25/g, '%')}`)
            .join('&');
          const { scenario, problems } = decodeScenario(q);
          // Whatever was rejected, the result encodes and decodes to itself.
          expect(decodeScenario(encodeScenario(scenario)).scenario).toEqual(scenario);
          for (const p of problems) expect(typeof p.message).toBe('string');
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('does not throw for non-string input from untyped callers', () => {
    expect(decodeScenario(undefined as unknown as string).scenario.version).toBe(1);
  });
});

describe('versions', () => {
  it('reads v=1 and a missing v the same, and encodes without v', () => {
    expect(decodeScenario('v=1&seed=7')).toEqual(decodeScenario('seed=7'));
    expect(encodeScenario(decodeScenario('v=1&seed=7').scenario)).toBe('seed=7');
  });

  it('reports versions it cannot read, then reads the rest as version 1', () => {
    const { scenario, problems } = decodeScenario('v=9&seed=7');
    expect(scenario.seed).toBe(7);
    expect(problems[0]).toMatchObject({ key: 'v', value: '9', severity: 'error' });
    expect(problems[0].message).toContain('newer than this explorer');
    expect(problemsOf('v=0')[0].message).toContain('Scenario version 0 is not supported');
    expect(problemsOf('v=abc')[0].key).toBe('v');
  });
});

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    '%s round-trips and has no errors',
    (_, preset) => {
      const { scenario, problems } = decodeScenario(preset.query);
      expect(scenarioProblemsFatal(problems)).toBe(false);
      expect(encodeScenario(scenario)).toBe(preset.query);
      expect(decodeScenario(encodeScenario(scenario)).scenario).toEqual(scenario);
    },
  );

  it('has the seed §12 settings', () => {
    expect(decodeScenario(presetById('high-throughput')!.query).scenario.producer).toEqual({
      'batch.size': '65536',
      'linger.ms': '20',
      'compression.type': 'lz4',
      acks: '1',
      'buffer.memory': '67108864',
    });
    const durable = decodeScenario(presetById('high-durability')!.query).scenario;
    expect(durable.producer).toEqual({
      acks: 'all',
      'enable.idempotence': 'true',
      retries: '2147483647',
      'max.in.flight.requests.per.connection': '5',
    });
    expect(durable.cluster.minInsyncReplicas).toBe(2);
    expect(decodeScenario(presetById('low-latency')!.query).scenario.producer).toEqual({
      'linger.ms': '0',
      'batch.size': '16384',
      acks: '1',
    });
    expect(presetById('default')?.query).toBe('');
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });
});

describe('helpers', () => {
  it('scenarioProblemsFatal is true only with an error', () => {
    expect(scenarioProblemsFatal(problemsOf('foo=1'))).toBe(false);
    expect(scenarioProblemsFatal(problemsOf('brokers=0'))).toBe(true);
  });

  it('mergeScenarioQueries overrides keys without duplicates', () => {
    const merged = mergeScenarioQueries(presetById('low-latency')!.query, 'linger.ms=3&keys=10');
    expect(
      decodeScenario(merged).problems.filter((p) => p.message.startsWith('Duplicate')),
    ).toEqual([]);
    expect(decodeScenario(merged).scenario.producer['linger.ms']).toBe('3');
    expect(decodeScenario(merged).scenario.workload.keys).toBe(10);
  });

  it('escapes values like URLSearchParams', () => {
    const { scenario } = decodeScenario('');
    const q = encodeScenario({
      ...scenario,
      workload: { ...scenario.workload, keyPrefix: 'a b&c=d' },
    });
    expect(q).toBe('key.prefix=a+b%26c%3Dd');
    expect(decodeScenario(q).scenario.workload.keyPrefix).toBe('a b&c=d');
  });
});
