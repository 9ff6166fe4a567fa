/**
 * A custom partitioner configured without code, for trying the custom-partitioner path: `partitioner.rules` like
 * `US-:0,EU-:1,*:2` sends keys starting with a prefix to that partition (first matching rule wins) and everything
 * else, null keys included, to the `*` default. Simulation-only (Kafka has no such class); it behaves like any user
 * Partitioner: KafkaProducer rejects a negative answer with IllegalArgumentException (checkCustomPartition) and does
 * NOT check it against the partition count, so a rule naming a missing partition sends records to a partition
 * without a leader, where they wait and expire after delivery.timeout.ms. Leaves out regexes and key types other
 * than the serialized bytes (prefixes are compared as UTF-8 bytes, like StringSerializer output).
 */
import type { ClusterView } from '../../cluster/ClusterView';
import { ConfigException } from './ConfigException';
import { describeKey } from './KeyPartitioning';
import { checkCustomPartition, type Partitioner } from './Partitioner';

export const RULES_CONFIG = 'partitioner.rules';

export interface PartitionRule {
  /** The rule as written, e.g. `US-:0` or `*:2`. */
  readonly text: string;
  /** null for the `*` default rule. */
  readonly prefix: string | null;
  readonly prefixBytes: Uint8Array | null;
  readonly partition: number;
}

const RULE_SYNTAX = 'each rule is <key prefix>:<partition> or *:<partition>, separated by commas';

/** Parses `US-:0,EU-:1,*:2`; throws ConfigException naming partitioner.rules. A default `*` rule is required. */
export function parseRules(rules: string): PartitionRule[] {
  const parsed: PartitionRule[] = [];
  let defaults = 0;
  for (const raw of rules.split(',')) {
    const text = raw.trim();
    const colon = text.lastIndexOf(':');
    const number = text.slice(colon + 1).trim();
    if (text === '' || colon < 0 || !/^-?\d+$/.test(number)) {
      throw new ConfigException(RULES_CONFIG, rules, `rule "${text}" is not valid: ${RULE_SYNTAX}`);
    }
    const prefix = text.slice(0, colon);
    const isDefault = prefix.trim() === '*';
    if (isDefault && ++defaults > 1) {
      throw new ConfigException(RULES_CONFIG, rules, 'more than one default rule "*:<partition>"');
    }
    parsed.push({
      text,
      prefix: isDefault ? null : prefix,
      prefixBytes: isDefault ? null : utf8(prefix),
      partition: Number(number),
    });
  }
  if (defaults === 0) {
    throw new ConfigException(
      RULES_CONFIG,
      rules,
      'no default rule: add "*:<partition>" for other and null keys',
    );
  }
  return parsed;
}

export class RuleBasedPartitioner implements Partitioner {
  readonly rules: readonly PartitionRule[];
  private readonly defaultIndex: number;

  constructor(rules: string) {
    this.rules = parseRules(rules);
    this.defaultIndex = this.rules.findIndex((r) => r.prefix === null);
  }

  partition(
    _topic: string,
    key: unknown,
    keyBytes: Uint8Array | null,
    _value: unknown,
    _valueBytes: Uint8Array | null,
    _cluster: ClusterView,
  ): number {
    return this.rules[this.ruleIndex(key, keyBytes)].partition;
  }

  /** Index of the rule that decides this key: the first prefix rule that matches, else the default. */
  ruleIndex(key: unknown, keyBytes: Uint8Array | null): number {
    if (keyBytes === null && typeof key !== 'string') return this.defaultIndex;
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i];
      if (rule.prefixBytes === null || rule.prefix === null) continue;
      if (
        keyBytes !== null
          ? startsWith(keyBytes, rule.prefixBytes)
          : (key as string).startsWith(rule.prefix)
      ) {
        return i;
      }
    }
    return this.defaultIndex;
  }

  close(): void {}

  explain(
    _topic: string,
    key: unknown,
    keyBytes: Uint8Array | null,
    cluster: ClusterView,
    partition: number,
  ): string {
    const index = this.ruleIndex(key, keyBytes);
    const rule = this.rules[index];
    const shown = describeKey(typeof key === 'string' ? key : null, keyBytes);
    const why =
      keyBytes === null && typeof key !== 'string'
        ? `null key → default rule "${rule.text}"`
        : rule.prefix === null
          ? `key ${shown} matches no prefix → default rule "${rule.text}"`
          : `key ${shown} starts with ${JSON.stringify(rule.prefix)} → rule ${index + 1} "${rule.text}"`;
    return `${why} → partition ${partition}${problemOf(partition, cluster.partitionCount())}`;
  }

  /** The rules that cannot work on this cluster, explained (for the UI; empty when all are fine). */
  problems(cluster: ClusterView): string[] {
    const count = cluster.partitionCount();
    const out: string[] = [];
    for (const rule of this.rules) {
      const problem = problemOf(rule.partition, count);
      if (problem !== '') out.push(`rule "${rule.text}"${problem}`);
    }
    return out;
  }
}

function problemOf(partition: number, partitionCount: number): string {
  if (partition < 0) {
    try {
      checkCustomPartition(partition);
    } catch (e) {
      return ` → IllegalArgumentException: ${(e as Error).message}`;
    }
  }
  if (partition >= partitionCount) {
    return (
      ` — but the topic has ${partitionCount} partitions (0–${partitionCount - 1}). Kafka does not check a custom ` +
      `partitioner's answer against the partition count: the record waits for a leader of partition ${partition} ` +
      'that never comes and expires after delivery.timeout.ms'
    );
  }
  return '';
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** UTF-8 bytes of a string (the model's lib has no TextEncoder); only used when rules are parsed. */
function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    // Java's encoder writes '?' for an unpaired surrogate.
    if (c >= 0xd800 && c <= 0xdfff) out.push(0x3f);
    else if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}
