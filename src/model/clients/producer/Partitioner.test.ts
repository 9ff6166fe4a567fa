// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Random } from '../../engine/Random';
import { ConfigException } from './ConfigException';
import {
  checkCustomPartition,
  createPartitioner,
  DEFAULT_PARTITIONER,
  IllegalArgumentException,
  ROUND_ROBIN_PARTITIONER,
  RULE_BASED_PARTITIONER,
  UNIFORM_STICKY_PARTITIONER,
  usesAbortOnNewBatch,
} from './Partitioner';
import { RoundRobinPartitioner } from './RoundRobinPartitioner';
import { RuleBasedPartitioner } from './RuleBasedPartitioner';
import { DefaultPartitioner, UniformStickyPartitioner } from './UniformStickyPartitioner';

const random = new Random(1);

describe('createPartitioner', () => {
  it('returns null for the built-in path (no class or an empty one)', () => {
    expect(createPartitioner(null, { random })).toBeNull();
    expect(createPartitioner('  ', { random })).toBeNull();
  });

  it('builds each class from its full or simple name', () => {
    expect(createPartitioner(ROUND_ROBIN_PARTITIONER, { random })).toBeInstanceOf(
      RoundRobinPartitioner,
    );
    expect(createPartitioner('RoundRobinPartitioner', { random })).toBeInstanceOf(
      RoundRobinPartitioner,
    );
    expect(createPartitioner(UNIFORM_STICKY_PARTITIONER, { random })).toBeInstanceOf(
      UniformStickyPartitioner,
    );
    expect(createPartitioner(DEFAULT_PARTITIONER, { random })).toBeInstanceOf(DefaultPartitioner);
    const rules = createPartitioner(RULE_BASED_PARTITIONER, { random, rules: 'A:1,*:0' });
    expect(rules).toBeInstanceOf(RuleBasedPartitioner);
    expect((rules as RuleBasedPartitioner).rules.map((r) => r.partition)).toEqual([1, 0]);
  });

  it('fails like ConfigDef for an unknown class, and without rules for RuleBasedPartitioner', () => {
    expect(() => createPartitioner('com.example.MyPartitioner', { random })).toThrow(
      ConfigException,
    );
    expect(() => createPartitioner('com.example.MyPartitioner', { random })).toThrow(
      'Invalid value com.example.MyPartitioner for configuration partitioner.class: Class ' +
        'com.example.MyPartitioner could not be found.',
    );
    expect(() => createPartitioner('RuleBasedPartitioner', { random })).toThrow(
      /partitioner\.rules/,
    );
  });

  it('marks which partitioners need the 3.x abortOnNewBatch flow', () => {
    const flow = (name: string) =>
      usesAbortOnNewBatch(createPartitioner(name, { random, rules: '*:0' })!);
    expect(flow(ROUND_ROBIN_PARTITIONER)).toBe(false);
    expect(flow(RULE_BASED_PARTITIONER)).toBe(false);
    expect(flow(UNIFORM_STICKY_PARTITIONER)).toBe(true);
    expect(flow(DEFAULT_PARTITIONER)).toBe(true);
  });
});

describe('checkCustomPartition', () => {
  it("passes 0 and up, rejects negatives with KafkaProducer's message", () => {
    expect(checkCustomPartition(0)).toBe(0);
    expect(checkCustomPartition(12)).toBe(12);
    let error: unknown;
    try {
      checkCustomPartition(-3);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IllegalArgumentException);
    expect((error as IllegalArgumentException).exceptionName).toBe('IllegalArgumentException');
    expect((error as Error).message).toBe(
      'The partitioner generated an invalid partition number: -3. Partition number should always be non-negative.',
    );
  });
});
