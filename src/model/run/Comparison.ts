/**
 * The seed's comparison tables, measured: runs the current scenario headless once per variant (each acks value,
 * each codec, each recommended configuration), at the workload's rate with every batch really compressed, then
 * unthrottled for the most it can send, then again with the leader of partition 0 crashed at mid-run, and turns
 * each into a ComparisonRow. Work is cut into steps (a slice of simulated time of one run) so a worker can report
 * progress and yield between them. Simulation-only; CPU cost is not measured here (the model has no wall clock):
 * the comparison worker adds it. Same scenario ⇒ the same rows.
 */
import type { CompressionType } from '../common/compress/CompressionType';
import { formatTimedFault } from '../faults/FaultSyntax';
import type { TimedFault } from '../faults/FaultTarget';
import {
  type CapacityMeasurement,
  type LossMeasurement,
  measureCapacity,
  measureLoss,
  measureRun,
  type RunMeasurement,
} from './ComparisonMeasures';
import type { ComparisonRow, ComparisonSetup, ComparisonStep } from './ComparisonRow';
import {
  applyVariant,
  type ComparisonKind,
  describeWorkload,
  durabilityOf,
  effectiveMinInsyncReplicas,
  type VariantSpec,
} from './ComparisonVariants';
import { ProducerRun } from './ProducerRun';
import type { RunSpec } from './RunSpec';

export type { CapacityMeasurement, LossMeasurement, RunMeasurement } from './ComparisonMeasures';
export type {
  CodecCpu,
  ComparisonProgress,
  ComparisonRow,
  ComparisonSetup,
  ComparisonStep,
} from './ComparisonRow';
export type { ComparisonKind, Durability, VariantSpec } from './ComparisonVariants';

export interface ComparisonOptions {
  /** Longest run at the workload's rate, simulated ms (default 5000, and never past duration.ms). */
  readonly maxDurationMs?: number;
  /** Most records such a run may send (default 100,000): a fast workload gets a shorter run. */
  readonly maxRecords?: number;
  /** Simulated ms of the unthrottled run (default 100; also the run length of an unthrottled workload). */
  readonly capacityMs?: number;
  /** Steps per run: how often progress is told and a cancel can be heard (default 8, kept even). */
  readonly chunksPerRun?: number;
}

type Phase = 'rate' | 'capacity' | 'loss';

interface Job {
  readonly variant: VariantSpec;
  readonly prepared: ReturnType<typeof applyVariant>;
  readonly phases: readonly Phase[];
}

/** How long partition 0's followers lag (stalled) when its leader crashes in the loss run. */
export const LOSS_LAG_MS = 1000;

export class Comparison {
  readonly setup: ComparisonSetup;
  readonly total: number;
  private done = 0;
  private readonly jobs: Job[];
  private readonly chunks: number;
  private readonly capacityMs: number;
  private jobIndex = 0;
  private phaseIndex = 0;
  private chunk = 0;
  private run: ProducerRun | null = null;
  private measured: RunMeasurement | null = null;
  private capacity: CapacityMeasurement | null = null;
  private crash: TimedFault | null = null;
  /**
   * The crash run's followers of partition 0 stop fetching LOSS_LAG_MS before the crash and resume with it, so the
   * leader dies holding records its followers lack: the window in which acks decides what an acknowledgement means.
   */
  private lag: TimedFault[] = [];
  /** Why there is no crash run for the current variant (said in the row's notes), or null. */
  private noCrash: string | null = null;
  private loss: LossMeasurement | null = null;

  constructor(
    readonly base: RunSpec,
    readonly kind: ComparisonKind,
    variants: readonly VariantSpec[],
    options: ComparisonOptions = {},
  ) {
    const w = base.workload;
    this.capacityMs = options.capacityMs ?? 100;
    this.chunks = Math.max(2, Math.ceil((options.chunksPerRun ?? 8) / 2) * 2);
    const maxRecords = options.maxRecords ?? 100_000;
    const throttled = w.throughput > 0;
    const byRecords = throttled ? Math.floor((maxRecords / w.throughput) * 1000) : this.capacityMs;
    const durationMs = Math.max(
      1,
      Math.min(w.durationMs, options.maxDurationMs ?? 5000, Math.max(this.capacityMs, byRecords)),
    );
    this.jobs = variants.map((variant) => {
      const prepared = applyVariant(base, variant);
      const phases: Phase[] = !prepared.ok
        ? []
        : throttled
          ? ['rate', 'capacity', 'loss']
          : ['rate', 'loss'];
      return { variant, prepared, phases };
    });
    this.total = this.jobs.reduce((n, j) => n + Math.max(1, j.phases.length * this.chunks), 0);
    this.setup = {
      kind,
      seed: base.seed,
      workload: describeWorkload(base),
      durationMs,
      capacityMs: throttled ? this.capacityMs : null,
      crashAtMs: Math.round(durationMs / 2),
      brokers: base.cluster.brokers,
      partitions: base.cluster.partitions,
      replicationFactor: base.cluster.replicationFactor,
      scenarioFaults: base.faults.map(formatTimedFault),
      variants: variants.map((v) => ({ id: v.id, label: v.label })),
    };
  }

  get finished(): boolean {
    return this.jobIndex >= this.jobs.length;
  }

  /** Runs the next slice of work. Throws when already finished. */
  step(): ComparisonStep {
    const job = this.jobs[this.jobIndex];
    if (job === undefined) throw new Error('Comparison.step: the comparison has finished');
    if (!job.prepared.ok) {
      this.done++;
      return this.next(`${job.variant.id}: refused by Kafka`, this.row(job));
    }
    const phase = job.phases[this.phaseIndex];
    let label: string;
    if (phase === 'loss' && this.crash === null) {
      // Nothing to crash at mid-run: the phase's steps are skipped, and the row says why.
      label = `${job.variant.id}: ${this.noCrash ?? 'no crash run'}`;
      this.done += this.chunks;
      this.chunk = this.chunks;
    } else {
      label = this.advance(job, phase);
      this.done++;
    }
    if (this.chunk < this.chunks) return this.progress(label, null);
    this.finishPhase(phase);
    this.chunk = 0;
    this.phaseIndex++;
    if (this.phaseIndex < job.phases.length) return this.progress(label, null);
    return this.next(label, this.row(job));
  }

  /** Every row, in variant order, calling `onProgress` after each step. */
  runAll(onProgress?: (step: ComparisonStep) => void): ComparisonRow[] {
    const rows: ComparisonRow[] = [];
    while (!this.finished) {
      const s = this.step();
      if (s.row !== null) rows.push(s.row);
      onProgress?.(s);
    }
    return rows;
  }

  /** One slice of the phase's run (building the run first); returns the step's label. */
  private advance(job: Job, phase: Phase): string {
    if (!job.prepared.ok) throw new Error('unreachable: a refused variant has no phases');
    const spec = job.prepared.spec;
    const { durationMs, crashAtMs } = this.setup;
    const length = phase === 'capacity' ? this.capacityMs : durationMs;
    if (this.chunk === 0) this.run = this.buildRun(spec, phase, length);
    const run = this.run as ProducerRun;
    this.chunk++;
    const targetMs = (length * this.chunk) / this.chunks;
    run.advanceTo(targetMs);
    // The crash run adds a fault at mid-run on the broker that leads partition 0 at that moment.
    if (phase === 'rate' && this.chunk === this.chunks / 2) {
      const leader = run.cluster.partitionReports()[0]?.leader ?? null;
      if (run.end === 'closed') {
        this.noCrash = `The application had closed the producer by ${crashAtMs} ms (num.records): no crash run.`;
      } else if (leader === null) {
        this.noCrash = `Partition 0 had no leader at ${crashAtMs} ms: no crash run.`;
      } else {
        this.crash = { atMs: crashAtMs, action: { kind: 'crash', broker: leader } };
        const followers = (run.cluster.partitionReports()[0]?.replicas ?? []).filter(
          (b) => b !== leader,
        );
        const stallAtMs = Math.max(0, crashAtMs - LOSS_LAG_MS);
        this.lag = [
          ...followers.map(
            (broker): TimedFault => ({
              atMs: stallAtMs,
              action: { kind: 'stall-follower', broker },
            }),
          ),
          ...followers.map(
            (broker): TimedFault => ({
              atMs: crashAtMs,
              action: { kind: 'resume', broker },
            }),
          ),
        ];
      }
    }
    const at = `${Math.round(Math.min(targetMs, length))} of ${length} ms`;
    const id = job.variant.id;
    if (phase === 'rate') return `${id}: at the workload's rate, ${at}`;
    if (phase === 'capacity') return `${id}: unthrottled (throughput=-1), ${at}`;
    const broker = this.crash === null ? -1 : brokerOf(this.crash);
    return `${id}: broker ${broker} (leader of partition 0) crashed at ${crashAtMs} ms, ${at}`;
  }

  private buildRun(spec: RunSpec, phase: Phase, length: number): ProducerRun {
    if (phase === 'capacity') {
      // Counts only: keep no record, and estimate compressed sizes from sampled batches (fast).
      return new ProducerRun(
        { ...spec, workload: { ...spec.workload, throughput: -1 } },
        { durationMs: length, retain: 16 },
      );
    }
    const faults =
      phase === 'loss' && this.crash !== null
        ? [
            ...spec.faults,
            ...this.lag.slice(0, this.lag.length / 2),
            this.crash,
            ...this.lag.slice(this.lag.length / 2),
          ]
        : spec.faults;
    return new ProducerRun({ ...spec, faults }, { durationMs: length, compressEveryBatch: true });
  }

  private finishPhase(phase: Phase): void {
    const run = this.run;
    this.run = null;
    if (run === null) return;
    if (phase === 'rate') this.measured = measureRun(run);
    else if (phase === 'capacity') this.capacity = measureCapacity(run);
    else if (this.crash !== null) {
      const crash = this.crash;
      const stalls = this.lag.slice(0, this.lag.length / 2).map(formatTimedFault);
      const fault = [...stalls, formatTimedFault(crash)].join(' fault=');
      this.loss = measureLoss(run, fault, brokerOf(crash), crash.atMs);
    }
  }

  private row(job: Job): ComparisonRow {
    const v = job.variant;
    const settings: Record<string, string> = { ...v.producer };
    if (v.minInsyncReplicas !== undefined)
      settings['min.insync.replicas'] = String(v.minInsyncReplicas);
    const base = {
      kind: this.kind,
      id: v.id,
      label: v.label,
      settings,
      notes: this.noCrash === null ? job.prepared.notes : [...job.prepared.notes, this.noCrash],
      cpu: null,
    };
    if (!job.prepared.ok) {
      return {
        ...base,
        effective: null,
        durability: null,
        error: job.prepared.error,
        measured: null,
        capacity: null,
        loss: null,
      };
    }
    const { spec, config } = job.prepared;
    const minIsr = effectiveMinInsyncReplicas(spec);
    return {
      ...base,
      effective: {
        acks: config.acks,
        enableIdempotence: config.enableIdempotence,
        compressionType: config.compressionType,
        compressionLevel: levelOf(config.compressionType, config),
        lingerMs: config.lingerMs,
        batchSize: config.batchSize,
        minInsyncReplicas: minIsr,
      },
      durability: durabilityOf(config.acks, minIsr, spec.cluster.replicationFactor),
      error: null,
      measured: this.measured,
      capacity: this.capacity,
      loss: this.loss,
    };
  }

  private progress(label: string, row: ComparisonRow | null): ComparisonStep {
    return { done: this.done, total: this.total, label, row };
  }

  /** Moves on to the next variant. */
  private next(label: string, row: ComparisonRow): ComparisonStep {
    this.jobIndex++;
    this.phaseIndex = 0;
    this.chunk = 0;
    this.measured = null;
    this.capacity = null;
    this.crash = null;
    this.lag = [];
    this.noCrash = null;
    this.loss = null;
    return this.progress(label, row);
  }
}

function brokerOf(fault: TimedFault): number {
  return fault.action.kind === 'crash' ? fault.action.broker : -1;
}

function levelOf(
  type: CompressionType,
  c: { compressionGzipLevel: number; compressionLz4Level: number; compressionZstdLevel: number },
): number | null {
  if (type === 'gzip') return c.compressionGzipLevel === -1 ? 6 : c.compressionGzipLevel;
  if (type === 'lz4') return c.compressionLz4Level;
  if (type === 'zstd') return c.compressionZstdLevel;
  return null;
}
