/**
 * Decides what goes into the explorer's run log (RunEventLog): config warnings at the start, every fault of the
 * timeline or a command (applied or not, and a producer restart), the application blocking in send() and
 * buffer.memory exhaustion (at most one line of each per simulated second), record failures (the first of each
 * kind of error per simulated second: texts equal but for their numbers count as one kind) and the end of the run.
 * Simulation-only. It only reads the run; failures come from ProducerRun.onRecordCompleted, the rest is compared
 * with what it saw at the previous collect().
 */
import type { BufferPool } from '../clients/producer/internals/BufferPool';
import type { RecordState } from '../clients/producer/internals/RecordState';
import { RuleBasedPartitioner } from '../clients/producer/RuleBasedPartitioner';
import type { ProducerRun } from './ProducerRun';
import type { RunEventLog } from './RunEventLog';
import type { RunEvent } from './RunSnapshot';

type PendingEvent = Pick<RunEvent, 'atMs' | 'kind' | 'text'>;

/** One line per kind of notice per this many simulated ms. */
const NOTICE_INTERVAL_MS = 1000;

export class RunEventWatcher {
  private started = false;
  private ended = false;
  private faultsSeen = 0;
  private restarts = 0;
  /** Failures heard between two collects (bounded: the log keeps no more anyway). */
  private failures: PendingEvent[] = [];
  private readonly failureSecondByKind = new Map<string, number>();
  private lastFailureText: string | null = null;
  private lastFailureSecond = -1;
  private pool: BufferPool | null = null;
  private exhaustedSeen = 0;
  private exhaustedNoticeMs = Number.NEGATIVE_INFINITY;
  private blockedSeen = 0;
  private blockedNoticeMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly run: ProducerRun,
    private readonly log: RunEventLog,
  ) {
    run.onRecordCompleted((r) => {
      if (r.status === 'failed') this.recordFailed(r);
    });
  }

  /** Adds what happened since the last call to the log, in time order (ties in the order found). */
  collect(nowMs: number): void {
    const found: PendingEvent[] = [];
    if (!this.started) this.start(found);
    // A fault before the failures it causes at the same instant (the sort below keeps ties in this order).
    this.faults(found);
    for (const f of this.failures) found.push(f);
    this.failures = [];
    this.buffer(found, nowMs);
    const run = this.run;
    if (!this.ended && run.end !== 'running') {
      this.ended = true;
      const why = run.end === 'duration' ? 'duration.ms reached' : 'producer closed';
      found.push({
        atMs: run.endMs,
        kind: 'info',
        text: `Run ended at ${ms(run.endMs)} ms: ${why}`,
      });
    }
    found.sort((a, b) => a.atMs - b.atMs);
    for (const e of found) this.log.add(e.atMs, e.kind, e.text);
  }

  private start(found: PendingEvent[]): void {
    this.started = true;
    for (const w of this.run.configWarnings) found.push({ atMs: 0, kind: 'warning', text: w });
    const partitioner = this.run.producer.partitioner;
    if (partitioner instanceof RuleBasedPartitioner) {
      for (const p of partitioner.problems(this.run.producer.metadata)) {
        found.push({ atMs: 0, kind: 'warning', text: `partitioner.rules: ${p}` });
      }
    }
  }

  private faults(found: PendingEvent[]): void {
    const log = this.run.faults.log;
    for (; this.faultsSeen < log.length; this.faultsSeen++) {
      const f = log[this.faultsSeen];
      const text = f.applied ? `${f.fault} applied` : `${f.fault} not applied: ${f.note ?? ''}`;
      found.push({ atMs: f.atMs, kind: 'fault', text });
      if (f.applied && f.action.kind === 'restart-producer') {
        this.restarts++;
        found.push({
          atMs: f.atMs,
          kind: 'info',
          text:
            `KafkaProducer #${this.restarts + 1} took over: the old one closed at once, failing its ` +
            'incomplete records; the new one has new connections and a new producer id',
        });
      }
    }
  }

  private buffer(found: PendingEvent[], nowMs: number): void {
    const run = this.run;
    const blocked = run.application.blockedSends;
    if (blocked > this.blockedSeen && nowMs - this.blockedNoticeMs >= NOTICE_INTERVAL_MS) {
      found.push({
        atMs: nowMs,
        kind: 'buffer',
        text:
          `send() blocked: ${blocked - this.blockedSeen} call(s) waited (${blocked} so far), ` +
          'for buffer.memory or metadata, up to max.block.ms',
      });
      this.blockedSeen = blocked;
      this.blockedNoticeMs = nowMs;
    }
    const pool = run.producer.accumulator.free;
    if (pool !== this.pool) {
      this.pool = pool;
      this.exhaustedSeen = 0;
    }
    const exhausted = pool.bufferExhaustedTotal();
    if (exhausted > this.exhaustedSeen && nowMs - this.exhaustedNoticeMs >= NOTICE_INTERVAL_MS) {
      found.push({
        atMs: nowMs,
        kind: 'buffer',
        text:
          `buffer.memory exhausted: ${exhausted - this.exhaustedSeen} send() calls waited ` +
          'max.block.ms without getting memory (BufferExhaustedException)',
      });
      this.exhaustedSeen = exhausted;
      this.exhaustedNoticeMs = nowMs;
    }
  }

  private recordFailed(r: RecordState): void {
    const text = r.error ?? 'failed';
    const second = Math.floor(r.ackMs / NOTICE_INTERVAL_MS);
    // A batch fails all its records with one shared text: skip the map for the rest of them.
    if (text === this.lastFailureText && second === this.lastFailureSecond) return;
    this.lastFailureText = text;
    this.lastFailureSecond = second;
    const kind = text.replace(/\d+/g, '#');
    if (this.failureSecondByKind.get(kind) === second) return;
    this.failureSecondByKind.set(kind, second);
    if (this.failures.length >= 2 * Math.max(1, this.log.capacity)) {
      this.failures.splice(0, this.failures.length - this.log.capacity);
    }
    this.failures.push({ atMs: r.ackMs, kind: 'error', text: `rec-${r.id} failed: ${text}` });
  }
}

/** Simulated ms as text: whole numbers as they are, fractions to three decimals. */
function ms(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(3);
}
