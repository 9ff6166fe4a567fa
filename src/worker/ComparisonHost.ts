/**
 * The comparison worker's brain: answers `compare` by running the current scenario headless under each variant of
 * the table asked for (model/run/Comparison), one step per task, yielding between steps so a `cancel` (or a newer
 * `compare`) is heard; replies started → progress… / row… → done. Codec rows get the CPU column timed on a
 * representative batch (CodecTiming). Written against an Endpoint and an injected wall clock/scheduler, like
 * SimulationHost, so tests drive it in Node over a MessageChannel; comparison.worker.ts wires it to the worker.
 */
import { initCompression, type ZstdWasmSource } from '../model/common/compress/Compression';
import { sampleBatchPayload } from '../model/run/BatchPayload';
import {
  type CodecCpu,
  Comparison,
  type ComparisonKind,
  type ComparisonOptions,
  type ComparisonRow,
} from '../model/run/Comparison';
import { COMPARISON_KINDS } from '../model/run/ComparisonVariants';
import {
  COMPARISON_PROTOCOL_VERSION,
  type ComparisonCommand,
  type ComparisonReply,
} from '../protocol/comparison';
import type { Endpoint } from '../protocol/messages';
import type { Scenario } from '../scenario/Scenario';
import { decodeScenario } from '../scenario/ScenarioCodec';
import { timeCodec } from './CodecTiming';
import { variantsFor } from './comparisonVariants';
import type { HostClock } from './PlayLoop';

export interface ComparisonHostOptions {
  readonly endpoint: Endpoint;
  /** Wall time (the CPU column) and the scheduler that yields between steps. */
  readonly clock: HostClock;
  readonly compressionWasm?: ZstdWasmSource;
  /** Run lengths (tests shorten them). */
  readonly comparison?: ComparisonOptions;
}

interface Job {
  readonly id: number;
  readonly kind: ComparisonKind;
  readonly comparison: Comparison;
  readonly scenario: Scenario;
  readonly timesCodecs: boolean;
  /** Representative batches by batch.size, and codec timings by codec, level and batch.size. */
  readonly payloads: Map<number, Uint8Array>;
  readonly cpu: Map<string, CodecCpu>;
  cancelTick: (() => void) | null;
}

export class ComparisonHost {
  private job: Job | null = null;
  /** A request waiting for the codecs to load; a cancel meanwhile stops it before it starts. */
  private starting: { cancelled: boolean } | null = null;
  private compressionLoaded = false;
  /** Requests are started one at a time, in order (the first waits for the codecs). */
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: ComparisonHostOptions) {
    options.endpoint.addEventListener('message', this.onMessage);
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    this.options.endpoint.removeEventListener('message', this.onMessage);
  }

  private readonly onMessage = (event: MessageEvent): void => {
    const command = readComparisonCommand(event.data);
    if (typeof command === 'string') {
      this.post({ type: 'error', id: -1, message: command, keys: [] });
      return;
    }
    if (command.type === 'cancel') {
      // At once, not behind a queued start: a running job stops before its next step.
      this.cancelRunning();
      return;
    }
    this.queue = this.queue
      .then(() => this.start(command))
      .catch((e: unknown) => this.fail(command.id, e));
  };

  private async start(command: Extract<ComparisonCommand, { type: 'compare' }>): Promise<void> {
    if (this.disposed) return;
    this.cancelRunning();
    const { id, kind } = command;
    if (command.version !== COMPARISON_PROTOCOL_VERSION) {
      const message =
        `Protocol version mismatch: the page speaks comparison protocol ${command.version}, this worker ` +
        `${COMPARISON_PROTOCOL_VERSION}. Reload the page.`;
      this.post({ type: 'error', id, message, keys: [] });
      return;
    }
    const { scenario, problems } = decodeScenario(command.query);
    const refused = problems.filter((p) => p.severity === 'error');
    if (refused.length > 0) {
      const lines = refused.map((p) => `${p.key || '(query)'}: ${p.message}`);
      const message = `The scenario cannot be compared:\n${lines.join('\n')}`;
      this.post({ type: 'error', id, message, keys: refused.map((p) => p.key) });
      return;
    }
    if (!this.compressionLoaded) {
      const starting = { cancelled: false };
      this.starting = starting;
      await initCompression(this.options.compressionWasm);
      this.compressionLoaded = true;
      this.starting = null;
      if (starting.cancelled) {
        this.post({ type: 'cancelled', id, kind });
        return;
      }
    }
    if (this.disposed) return;
    const comparison = new Comparison(scenario, kind, variantsFor(kind), this.options.comparison);
    this.job = {
      id,
      kind,
      comparison,
      scenario,
      timesCodecs: kind !== 'acks',
      payloads: new Map(),
      cpu: new Map(),
      cancelTick: null,
    };
    this.post({ type: 'started', id, kind, setup: comparison.setup });
    this.scheduleStep(this.job);
  }

  private scheduleStep(job: Job): void {
    job.cancelTick = this.options.clock.schedule(() => this.runStep(job), 0);
  }

  private runStep(job: Job): void {
    job.cancelTick = null;
    if (this.job !== job || this.disposed) return;
    try {
      const step = job.comparison.step();
      const { id, kind } = job;
      this.post({
        type: 'progress',
        id,
        kind,
        done: step.done,
        total: step.total,
        label: step.label,
      });
      if (step.row !== null) this.post({ type: 'row', id, kind, row: this.withCpu(job, step.row) });
    } catch (e) {
      this.job = null;
      this.fail(job.id, e);
      return;
    }
    if (job.comparison.finished) {
      this.job = null;
      this.post({ type: 'done', id: job.id, kind: job.kind });
      return;
    }
    this.scheduleStep(job);
  }

  /**
   * The row with its codec's speed on a full batch of the workload at the row's batch.size (timed once per codec,
   * level and batch.size per request).
   */
  private withCpu(job: Job, row: ComparisonRow): ComparisonRow {
    if (!job.timesCodecs || row.effective === null) return row;
    const { compressionType, compressionLevel, batchSize } = row.effective;
    const key = `${compressionType}:${compressionLevel}:${batchSize}`;
    let cpu = job.cpu.get(key);
    if (cpu === undefined) {
      let payload = job.payloads.get(batchSize);
      if (payload === undefined) {
        const producer = { ...job.scenario.producer, 'batch.size': String(batchSize) };
        payload = sampleBatchPayload({ ...job.scenario, producer });
        job.payloads.set(batchSize, payload);
      }
      const clock = this.options.clock;
      cpu = timeCodec(compressionType, compressionLevel, payload, () => clock.nowMs());
      job.cpu.set(key, cpu);
    }
    return { ...row, cpu };
  }

  private cancelRunning(): void {
    if (this.starting !== null) this.starting.cancelled = true;
    const job = this.job;
    if (job === null) return;
    this.stop();
    this.post({ type: 'cancelled', id: job.id, kind: job.kind });
  }

  private stop(): void {
    this.job?.cancelTick?.();
    this.job = null;
  }

  private fail(id: number, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.post({ type: 'error', id, message: `The comparison stopped: ${message}`, keys: [] });
  }

  private post(reply: ComparisonReply): void {
    if (!this.disposed) this.options.endpoint.postMessage(reply);
  }
}

/** The command in `data`, or why it is not one (naming what was received). */
export function readComparisonCommand(data: unknown): ComparisonCommand | string {
  if (typeof data !== 'object' || data === null) {
    return `Malformed comparison command: expected an object, received ${String(data)}`;
  }
  const m = data as Record<string, unknown>;
  if (m.type === 'cancel') return { type: 'cancel' };
  if (m.type !== 'compare') return `Unknown comparison command type ${JSON.stringify(m.type)}`;
  if (typeof m.version !== 'number') return "Malformed 'compare' command: version must be a number";
  if (typeof m.id !== 'number') return "Malformed 'compare' command: id must be a number";
  if (typeof m.query !== 'string') return "Malformed 'compare' command: query must be a string";
  const kind = COMPARISON_KINDS.find((k) => k === m.kind);
  if (kind === undefined) {
    return `Malformed 'compare' command: kind must be one of ${COMPARISON_KINDS.join(', ')}`;
  }
  return { type: 'compare', version: m.version, id: m.id, query: m.query, kind };
}
