// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Problem } from './Scenario';
import { decodeScenario } from './ScenarioCodec';
import { type NumberKey, SCENARIO_KEYS } from './ScenarioKeys';

function problemsOf(query: string): Problem[] {
  return decodeScenario(query).problems;
}

describe('bounds', () => {
  const numeric = SCENARIO_KEYS.filter(
    (k): k is NumberKey => k.kind === 'int' || k.kind === 'number',
  );

  it.each(numeric.map((k) => [k.key, k] as const))(
    '%s: a value above the bound names key, value and bound',
    (_, def) => {
      const raw = String(def.max + 1);
      const problems = problemsOf(`${def.key}=${raw}`).filter((p) => p.severity === 'error');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ key: def.key, value: raw, severity: 'error' });
      expect(problems[0].message).toContain(def.key);
      expect(problems[0].message).toContain(raw);
      expect(problems[0].message).toContain(`no more than ${def.max}`);
      expect(problems[0].message).toContain(`using the default ${def.defaultValue}`);
    },
  );

  it.each(numeric.map((k) => [k.key, k] as const))(
    '%s: a value below the bound names key, value and bound',
    (_, def) => {
      const raw = String(def.minusOne !== undefined && def.min - 1 === -1 ? -2 : def.min - 1);
      const problem = problemsOf(`${def.key}=${raw}`).find((p) => p.severity === 'error');
      expect(problem).toMatchObject({ key: def.key, value: raw });
      expect(problem?.message).toContain(raw);
      expect(problem?.message).toMatch(new RegExp(`(at least|greater than) ${def.min}`));
    },
  );

  it('rejects what is not a number, and decimals where an integer is needed', () => {
    expect(problemsOf('brokers=2.5')[0].message).toBe(
      'Invalid value 2.5 for brokers: Not a number of type INT; using the default 3',
    );
    expect(problemsOf('net.latency.ms=fast')[0].message).toBe(
      'Invalid value fast for net.latency.ms: Not a number; using the default 0.5',
    );
    expect(decodeScenario('net.latency.ms=1e-1').scenario.cost.netLatencyMs).toBe(0.1);
  });

  it('accepts -1 where it means "unbounded" and rejects 0 throughput', () => {
    expect(decodeScenario('throughput=-1&num.records=-1').problems).toEqual([]);
    expect(problemsOf('throughput=0')[0].message).toBe(
      'Invalid value 0 for throughput: Value must be -1 (as fast as the producer can) or greater than 0; using the default 1000',
    );
    expect(problemsOf('throughput=-0.5')[0].message).toContain(
      '-1 (as fast as the producer can) or greater than 0',
    );
  });

  it('uses Kafka wording for a replication factor larger than the cluster', () => {
    const { scenario, problems } = decodeScenario('replication.factor=4');
    expect(scenario.cluster.replicationFactor).toBe(3);
    expect(problems).toEqual([
      {
        key: 'replication.factor',
        value: '4',
        message: 'Replication factor: 4 larger than available brokers: 3. Using the default 3.',
        severity: 'error',
      },
    ]);
  });

  it("applies Kafka's topic-name rules", () => {
    expect(decodeScenario('topic=orders.v1_EU-2').scenario.topic).toBe('orders.v1_EU-2');
    expect(problemsOf('topic=..')[0].message).toBe(
      "Topic name is invalid: '..' is not allowed Using the default topic.",
    );
    expect(problemsOf('topic=')[0].message).toContain('the empty string is not allowed');
    expect(problemsOf(`topic=${'a'.repeat(250)}`)[0].message).toContain(
      'longer than the max allowed length 249',
    );
    expect(problemsOf('topic=a%2Fb')[0].message).toContain(
      'contains one or more characters other than ASCII',
    );
  });

  it('checks enums and booleans', () => {
    expect(problemsOf('key.distribution=pareto')[0].message).toBe(
      'Invalid value pareto for key.distribution: String must be one of: uniform, zipf, hot; using the default uniform',
    );
    expect(
      decodeScenario('unclean.leader.election.enable=TRUE').scenario.cluster
        .uncleanLeaderElectionEnable,
    ).toBe(true);
    expect(problemsOf('parse.key=1')[0].message).toContain(
      'Expected value to be either true or false',
    );
  });
});

describe('producer configs', () => {
  it("reports Kafka's message on the key Kafka names, and drops that key", () => {
    const { scenario, problems } = decodeScenario(
      'max.in.flight.requests.per.connection=6&linger.ms=50',
    );
    expect(problems).toEqual([
      {
        key: 'max.in.flight.requests.per.connection',
        value: '6',
        message:
          'To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is 6.',
        severity: 'error',
      },
    ]);
    expect(scenario.producer).toEqual({ 'linger.ms': '50' });
  });

  it('reports each bad config, then checks the combination of the rest', () => {
    const { scenario, problems } = decodeScenario('linger.ms=-1&acks=1&enable.idempotence=true');
    expect(problems.map((p) => [p.key, p.severity])).toEqual([
      ['linger.ms', 'error'],
      ['acks', 'error'],
    ]);
    expect(problems[0].message).toBe(
      'Invalid value -1 for configuration linger.ms: Value must be at least 0',
    );
    expect(scenario.producer).toEqual({ 'enable.idempotence': 'true' });
  });

  it('passes producer warnings on, keyed', () => {
    expect(problemsOf('acks=0')).toEqual([
      {
        key: 'acks',
        value: '0',
        message: "Idempotence will be disabled because acks is set to 0, not set to 'all'.",
        severity: 'warning',
      },
    ]);
  });

  it('drops RuleBasedPartitioner when it has no rules', () => {
    const { scenario, problems } = decodeScenario('partitioner.class=RuleBasedPartitioner');
    expect(scenario.producer).toEqual({});
    expect(problems.map((p) => p.key)).toEqual(['partitioner.rules', 'partitioner.class']);
  });

  it('warns about partitions that do not exist, as Kafka lets them through', () => {
    const rules = decodeScenario(
      'partitioner.class=RuleBasedPartitioner&partitioner.rules=US-%3A0%2C*%3A6',
    );
    expect(rules.problems).toHaveLength(1);
    expect(rules.problems[0]).toMatchObject({ key: 'partitioner.rules', severity: 'warning' });
    expect(rules.problems[0].message).toContain('names partition 6, but the topic has 6');
    const explicit = decodeScenario('partition=6&max.block.ms=1000');
    expect(explicit.scenario.workload.partition).toBe(6);
    expect(explicit.problems[0].message).toContain(
      'Partition 6 of topic topic with partition count 6 is not present in metadata after 1000 ms.',
    );
    expect(problemsOf('partition=-1')[0].severity).toBe('error');
  });
});

describe('cross-key checks', () => {
  it('keeps replica.fetch.wait.max.ms within replica.lag.time.max.ms', () => {
    const { scenario, problems } = decodeScenario('replica.lag.time.max.ms=200');
    expect(scenario.cost.replicaFetchWaitMaxMs).toBe(200);
    expect(problems[0]).toMatchObject({ key: 'replica.fetch.wait.max.ms', severity: 'error' });
  });

  it('notes min.insync.replicas above the replication factor (brokers use the smaller, Kafka 3.7+)', () => {
    const { scenario, problems } = decodeScenario('min.insync.replicas=4');
    expect(scenario.cluster.minInsyncReplicas).toBe(4);
    expect(problems[0].severity).toBe('warning');
  });

  it('notes settings that have no effect', () => {
    expect(problemsOf('keys=5&key.list=a')[0].message).toBe('key.list is set, so keys is ignored');
    expect(problemsOf('key.distribution=zipf')[0].message).toContain('has no effect');
  });
});

describe('value serializer and content', () => {
  it('warns that random (byte[]) values fail with the default StringSerializer, and not with ByteArraySerializer', () => {
    const warned = decodeScenario('value.content=random').problems;
    expect(warned).toEqual([
      expect.objectContaining({ key: 'value.content', value: 'random', severity: 'warning' }),
    ]);
    expect(warned[0].message).toContain('SerializationException');
    const ok = decodeScenario(
      'value.content=random&value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer',
    ).problems;
    expect(ok).toEqual([]);
  });
});
