// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../cluster/ClusterView';
import { ConfigException } from './ConfigException';
import { checkCustomPartition, IllegalArgumentException } from './Partitioner';
import { parseRules, RuleBasedPartitioner } from './RuleBasedPartitioner';

function cluster(count: number): ClusterView {
  const all = Array.from({ length: count }, (_, p) => p);
  return {
    topic: 't',
    nodes: [0, 1, 2],
    partitionCount: () => count,
    leaderOf: (p) => p % 3,
    availablePartitions: () => all,
    partitionsForNode: (n) => all.filter((p) => p % 3 === n),
    partitionInfo: (p) => ({ partition: p, leader: p % 3, leaderEpoch: 0, replicas: [], isr: [] }),
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const six = cluster(6);

function route(p: RuleBasedPartitioner, key: string | null): number {
  return p.partition('t', key, key === null ? null : utf8(key), null, null, six);
}

describe('RuleBasedPartitioner', () => {
  it('sends keys by prefix, the first matching rule winning; others and null keys to the default', () => {
    const p = new RuleBasedPartitioner('US-:0, EU-:1, EU-DE-:4, *:2');
    expect(route(p, 'US-42')).toBe(0);
    expect(route(p, 'EU-DE-7')).toBe(1);
    expect(route(p, 'JP-1')).toBe(2);
    expect(route(p, 'us-42')).toBe(2);
    expect(route(p, '')).toBe(2);
    expect(route(p, null)).toBe(2);
  });

  it('compares prefixes as UTF-8 bytes, and works from the String key when bytes are missing', () => {
    const p = new RuleBasedPartitioner('ü-:3,*:0');
    expect(route(p, 'ü-1')).toBe(3);
    expect(route(p, 'u-1')).toBe(0);
    expect(p.partition('t', 'ü-9', null, null, null, six)).toBe(3);
  });

  it('explains each decision', () => {
    const p = new RuleBasedPartitioner('US-:0,EU-:1,*:2');
    const why = (key: string | null, partition: number) =>
      p.explain('t', key, key === null ? null : utf8(key), six, partition);
    expect(why('US-42', 0)).toBe('key "US-42" starts with "US-" → rule 1 "US-:0" → partition 0');
    expect(why('JP-1', 2)).toBe('key "JP-1" matches no prefix → default rule "*:2" → partition 2');
    expect(why(null, 2)).toBe('null key → default rule "*:2" → partition 2');
  });

  it('rejects rules without a default, malformed rules and two defaults with ConfigException', () => {
    expect(() => new RuleBasedPartitioner('US-:0')).toThrow(ConfigException);
    expect(() => new RuleBasedPartitioner('US-:0')).toThrow(
      'Invalid value US-:0 for configuration partitioner.rules: no default rule: add "*:<partition>" for other and null keys',
    );
    expect(() => parseRules('US-0,*:1')).toThrow(
      'Invalid value US-0,*:1 for configuration partitioner.rules: rule "US-0" is not valid: each rule is ' +
        '<key prefix>:<partition> or *:<partition>, separated by commas',
    );
    expect(() => parseRules('US-:x,*:1')).toThrow(/rule "US-:x" is not valid/);
    expect(() => parseRules('US-:0,,*:1')).toThrow(/rule "" is not valid/);
    expect(() => parseRules('*:0,*:1')).toThrow(/more than one default rule/);
    expect(parseRules('a:b:3,*:1')[0]).toMatchObject({ prefix: 'a:b', partition: 3 });
  });

  it('returns a negative partition as configured; the producer check turns it into IllegalArgumentException', () => {
    const p = new RuleBasedPartitioner('BAD-:-1,*:0');
    const partition = route(p, 'BAD-1');
    expect(partition).toBe(-1);
    expect(() => checkCustomPartition(partition)).toThrow(IllegalArgumentException);
    expect(() => checkCustomPartition(partition)).toThrow(
      'The partitioner generated an invalid partition number: -1. Partition number should always be non-negative.',
    );
    expect(p.explain('t', 'BAD-1', utf8('BAD-1'), six, -1)).toBe(
      'key "BAD-1" starts with "BAD-" → rule 1 "BAD-:-1" → partition -1 → IllegalArgumentException: ' +
        'The partitioner generated an invalid partition number: -1. Partition number should always be non-negative.',
    );
  });

  it('returns a partition beyond the partition count unchanged (Kafka does not check it) and says what follows', () => {
    const p = new RuleBasedPartitioner('EU-:7,*:2');
    expect(route(p, 'EU-1')).toBe(7);
    expect(checkCustomPartition(7)).toBe(7);
    expect(p.explain('t', 'EU-1', utf8('EU-1'), six, 7)).toContain(
      '→ partition 7 — but the topic has 6 partitions (0–5).',
    );
    expect(p.problems(six)).toEqual([
      'rule "EU-:7" — but the topic has 6 partitions (0–5). Kafka does not check a custom partitioner\'s ' +
        'answer against the partition count: the record waits for a leader of partition 7 that never comes ' +
        'and expires after delivery.timeout.ms',
    ]);
    expect(p.problems(cluster(8))).toEqual([]);
  });
});
