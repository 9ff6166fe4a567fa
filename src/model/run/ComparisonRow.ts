/**
 * What a comparison produces (model/run/Comparison.ts): one row per variant with what was measured, the set-up the
 * tables' captions describe, and the progress of the steps. Plain JSON-safe data: it crosses the worker boundary
 * as is (protocol/comparison.ts). Simulation-only.
 */
import type { CompressionType } from '../common/compress/CompressionType';
import type { CapacityMeasurement, LossMeasurement, RunMeasurement } from './ComparisonMeasures';
import type { ComparisonKind, Durability } from './ComparisonVariants';

/** The real codec's speed on a representative batch, timed by the comparison worker. */
export interface CodecCpu {
  readonly codec: CompressionType;
  /** The effective level (gzip 6, lz4 9, zstd 3 by default); null for codecs without levels. */
  readonly level: number | null;
  readonly payloadBytes: number;
  /** Uncompressed MB (2^20 bytes) compressed per wall second; null for `none` (no codec runs). */
  readonly compressMBps: number | null;
  /** Wall µs to compress 16 KiB; 0 for `none`. */
  readonly microsPer16KiB: number;
  /** payload ÷ compressed size of that one batch. */
  readonly ratio: number;
}

export interface ComparisonRow {
  readonly kind: ComparisonKind;
  readonly id: string;
  readonly label: string;
  /** What the variant set, by Kafka name (min.insync.replicas included when it sets it). */
  readonly settings: Readonly<Record<string, string>>;
  /** The settings the run used after Kafka's resolution; null when Kafka refused the variant. */
  readonly effective: {
    readonly acks: -1 | 0 | 1;
    readonly enableIdempotence: boolean;
    readonly compressionType: CompressionType;
    readonly compressionLevel: number | null;
    readonly lingerMs: number;
    readonly batchSize: number;
    readonly minInsyncReplicas: number;
  } | null;
  readonly durability: Durability | null;
  /** Kafka's warnings and what the row changed to make the variant run. */
  readonly notes: readonly string[];
  /** Why the variant could not run (`key: Kafka's message`), or null. */
  readonly error: string | null;
  readonly measured: RunMeasurement | null;
  /** Null when the workload is unthrottled already (then `measured` is the most it can send). */
  readonly capacity: CapacityMeasurement | null;
  /** Null when partition 0 had no leader at mid-run to crash. */
  readonly loss: LossMeasurement | null;
  /** Filled in by the comparison worker for codec rows; null otherwise. */
  readonly cpu: CodecCpu | null;
}

/** What the tables' captions say was run. */
export interface ComparisonSetup {
  readonly kind: ComparisonKind;
  readonly seed: number;
  readonly workload: string;
  /** Simulated ms of each run at the workload's rate (and of the crash run). */
  readonly durationMs: number;
  /** Simulated ms of the unthrottled runs; null when the workload is unthrottled already. */
  readonly capacityMs: number | null;
  /** When the leader of partition 0 is crashed in the loss runs. */
  readonly crashAtMs: number;
  readonly brokers: number;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** The scenario's own fault timeline, as `fault=` values (the crash is added to it). */
  readonly scenarioFaults: readonly string[];
  readonly variants: readonly { readonly id: string; readonly label: string }[];
}

export interface ComparisonProgress {
  readonly done: number;
  readonly total: number;
  /** What the last step ran. */
  readonly label: string;
}

export interface ComparisonStep extends ComparisonProgress {
  /** A finished row, when this step finished one. */
  readonly row: ComparisonRow | null;
}
