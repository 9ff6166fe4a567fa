/**
 * The variants the explorer's comparison tables run (the seed's ACKS COMPARISON, Compression Comparison and §12
 * recommended configurations) and how a variant is laid over the current scenario: its producer configs replace the
 * scenario's own, and a combination Kafka would refuse is repaired the way a user would (an explicit
 * `enable.idempotence=true` is dropped when the variant's `acks` is not `all`), with Kafka's words in the row's notes.
 * Also the seed's qualitative Durability, derived from acks and the effective min.insync.replicas.
 * Simulation-only (Kafka has no such thing); the recommended presets themselves live in src/scenario.
 */

import {
  parseProducerConfig,
  type ResolvedProducerConfig,
} from '../clients/producer/ProducerConfig';
import { COMPRESSION_TYPES } from '../common/compress/CompressionType';
import type { RunSpec } from './RunSpec';

export type ComparisonKind = 'acks' | 'compression' | 'recommended';

export const COMPARISON_KINDS: readonly ComparisonKind[] = ['acks', 'compression', 'recommended'];

/** What one row of a comparison changes in the current scenario. */
export interface VariantSpec {
  /** Stable id: `acks=1`, `compression.type=zstd`, or a preset id (`high-throughput`). */
  readonly id: string;
  /** What the row is called in its table (`1`, `zstd`, `High throughput`). */
  readonly label: string;
  /** Producer configs the variant sets, by Kafka name (they replace the scenario's values). */
  readonly producer: Readonly<Record<string, string>>;
  /** The topic's min.insync.replicas, when the variant sets it (the high-durability recommendation does). */
  readonly minInsyncReplicas?: number;
}

/** The seed's ACKS COMPARISON rows, in its order. */
export function acksVariants(): VariantSpec[] {
  return ['0', '1', 'all'].map((acks) => ({ id: `acks=${acks}`, label: acks, producer: { acks } }));
}

/** The seed's Compression Comparison rows: every codec Kafka has, in Kafka's id order. */
export function compressionVariants(): VariantSpec[] {
  return COMPRESSION_TYPES.map((type) => ({
    id: `compression.type=${type}`,
    label: type,
    producer: { 'compression.type': type },
  }));
}

/** A variant laid over the scenario, ready to run, or why it cannot run. */
export type PreparedVariant =
  | {
      readonly ok: true;
      readonly spec: RunSpec;
      readonly config: ResolvedProducerConfig;
      /** What changed beyond the variant's own settings, and Kafka's warnings, in Kafka's words. */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly error: string; readonly notes: readonly string[] };

/**
 * `base` with the variant's producer configs (and min.insync.replicas) in place of its own. When Kafka refuses the
 * result only because `enable.idempotence=true` was set explicitly (acks=0/1 cannot be idempotent), that setting is
 * dropped so the default applies (idempotence off), and the note quotes Kafka's refusal.
 */
export function applyVariant(base: RunSpec, variant: VariantSpec): PreparedVariant {
  const notes: string[] = [];
  const producer: Record<string, string> = { ...base.producer, ...variant.producer };
  let parsed = parseProducerConfig(producer);
  if (
    !parsed.ok &&
    Object.hasOwn(producer, 'enable.idempotence') &&
    !Object.hasOwn(variant.producer, 'enable.idempotence')
  ) {
    const refusal = parsed.errors.map((e) => e.message).join(' ');
    const given = producer['enable.idempotence'];
    delete producer['enable.idempotence'];
    const retry = parseProducerConfig(producer);
    if (retry.ok) {
      notes.push(
        `Kafka refuses enable.idempotence=${given} here ("${refusal}"), so this row drops it and Kafka's default applies.`,
      );
      parsed = retry;
    }
  }
  if (!parsed.ok) {
    return {
      ok: false,
      error: parsed.errors.map((e) => `${e.key}: ${e.message}`).join('\n'),
      notes,
    };
  }
  notes.push(...parsed.warnings);
  const cluster =
    variant.minInsyncReplicas === undefined
      ? base.cluster
      : { ...base.cluster, minInsyncReplicas: variant.minInsyncReplicas };
  if (cluster.minInsyncReplicas !== base.cluster.minInsyncReplicas) {
    notes.push(
      `min.insync.replicas=${cluster.minInsyncReplicas} (a topic config) is part of this recommendation.`,
    );
  }
  return { ok: true, spec: { ...base, producer, cluster }, config: parsed.config, notes };
}

/** What the brokers enforce: min(min.insync.replicas, replication factor) (Kafka 3.7+). */
export function effectiveMinInsyncReplicas(spec: RunSpec): number {
  return Math.min(spec.cluster.minInsyncReplicas, spec.cluster.replicationFactor);
}

/** The seed's Durability words, derived from the settings rather than quoted. */
export interface Durability {
  readonly level: 'None' | 'Medium' | 'High' | 'Highest';
  /** Why, in one sentence. */
  readonly reason: string;
}

export function durabilityOf(
  acks: -1 | 0 | 1,
  effectiveMinIsr: number,
  replicationFactor: number,
): Durability {
  if (acks === 0) {
    return { level: 'None', reason: 'The producer does not wait: a record can vanish unnoticed.' };
  }
  if (acks === 1) {
    return {
      level: 'Medium',
      reason: "Only the leader's log: lost if the leader dies before a follower has copied it.",
    };
  }
  if (replicationFactor === 1) {
    return { level: 'Medium', reason: 'acks=all, but replication.factor=1: one copy only.' };
  }
  if (effectiveMinIsr >= 2) {
    return {
      level: 'Highest',
      reason: `Every in-sync replica, and at least ${effectiveMinIsr} copies, before the acknowledgement.`,
    };
  }
  return {
    level: 'High',
    reason:
      'Every in-sync replica; but with min.insync.replicas=1 a leader alone in the ISR acknowledges by itself.',
  };
}

/** One line for a caption: what the application sends (kafka-producer-perf-test's terms). */
export function describeWorkload(spec: RunSpec): string {
  const w = spec.workload;
  const rate = w.throughput < 0 ? 'as fast as send() returns' : `${w.throughput} records/s`;
  const keys =
    w.keyList !== null
      ? `${w.keyList.length} listed keys`
      : w.keys === 0
        ? 'null keys'
        : `${w.keys} keys (${w.keyDistribution})`;
  return `${rate} of ${w.recordSize}-byte ${w.valueContent} values, ${keys}, send.mode=${w.sendMode}`;
}
