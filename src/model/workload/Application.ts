/**
 * The application thread that calls the producer: sends at a target rate (kafka-producer-perf-test's
 * `throughput`, -1 = as fast as send() returns), in one of the seed's three send modes, optionally calling flush()
 * every N sends, and close() when its records run out. Each send() costs the thread CPU time from the cost model,
 * so "as fast as possible" is bounded by the modelled producer, and a send() blocked on buffer memory holds the
 * thread until the producer returns it. Simulation-only (Kafka has no such class: this is the user's code).
 */
import type { RecordState } from '../clients/producer/internals/RecordState';
import type { Simulation } from '../engine/Simulation';
import type { RecordSource, SendInput } from './RecordSource';

export type SendMode = 'async' | 'fire-and-forget' | 'sync';

/** What the application needs of the producer (KafkaProducer implements it). */
export interface ApplicationProducer {
  /**
   * send(): returns the record's state. `callback` runs when the record completes (null = fire-and-forget).
   * If the call blocks (buffer memory, metadata), `isSendBlocked` is true until `onSendReturned` fires.
   */
  send(
    input: SendInput,
    nowMs: number,
    callback: ((r: RecordState, nowMs: number) => void) | null,
  ): RecordState;
  readonly isSendBlocked: boolean;
  onSendReturned: ((nowMs: number) => void) | null;
  flush(nowMs: number, onDone: (nowMs: number) => void): void;
  close(nowMs: number, onDone: (nowMs: number) => void): void;
}

export interface ApplicationOptions {
  /** Records per second; -1 = no throttle. */
  readonly throughput: number;
  readonly sendMode: SendMode;
  /** flush() after every N sends; 0 = never. */
  readonly flushEvery: number;
  /** Application-thread CPU per send() call, in ms, and per serialized byte. */
  readonly cpuPerRecordMs: number;
  readonly cpuPerByteMs: number;
  /** Stop sending at this simulated time (the run may go on to let close() finish). */
  readonly stopSendingAtMs: number;
  /** Call close() once the source is exhausted (perf-test and the console producer do). */
  readonly closeWhenDone: boolean;
}

export type ApplicationState =
  | 'sending'
  | 'blocked'
  | 'awaiting-ack'
  | 'flushing'
  | 'closing'
  | 'closed'
  | 'stopped';

export class Application {
  state: ApplicationState = 'sending';
  sent = 0;
  /** Records this thread waited on in send() (buffer full): the explorer shows a blocked caller. */
  blockedSends = 0;
  private startMs = 0;
  private readonly intervalMs: number;

  constructor(
    private readonly sim: Simulation,
    private readonly producer: ApplicationProducer,
    private readonly source: RecordSource,
    private readonly options: ApplicationOptions,
  ) {
    this.intervalMs = options.throughput > 0 ? 1000 / options.throughput : 0;
    producer.onSendReturned = (nowMs) => this.afterSendReturned(nowMs);
  }

  start(nowMs: number): void {
    this.startMs = nowMs;
    this.sim.at(nowMs, () => this.sendNext(this.sim.nowMs));
  }

  private sendNext(nowMs: number): void {
    if (this.state !== 'sending') return;
    if (nowMs >= this.options.stopSendingAtMs) {
      this.state = 'stopped';
      return;
    }
    const input = this.source.next();
    if (input === null) {
      this.finish(nowMs);
      return;
    }
    const sync = this.options.sendMode === 'sync';
    const callback =
      this.options.sendMode === 'fire-and-forget'
        ? null
        : sync
          ? this.syncCallback
          : this.asyncCallback;
    this.sent++;
    this.lastRecord = this.producer.send(input, nowMs, callback);
    if (this.producer.isSendBlocked) {
      this.state = 'blocked';
      this.blockedSends++;
      return;
    }
    this.afterSendReturned(nowMs);
  }

  private lastRecord: RecordState | null = null;
  private readonly asyncCallback = (): void => {};
  private readonly syncCallback = (r: RecordState, nowMs: number): void => {
    if (this.state === 'awaiting-ack' && r === this.lastRecord) {
      this.state = 'sending';
      this.scheduleNext(nowMs);
    }
  };

  private afterSendReturned(nowMs: number): void {
    const r = this.lastRecord;
    const bytes = (r?.keyBytes?.length ?? 0) + (r?.valueBytes?.length ?? 0);
    const doneMs = nowMs + this.options.cpuPerRecordMs + bytes * this.options.cpuPerByteMs;
    if (this.options.flushEvery > 0 && this.sent % this.options.flushEvery === 0) {
      this.state = 'flushing';
      this.sim.at(doneMs, () =>
        this.producer.flush(this.sim.nowMs, (t) => {
          this.state = 'sending';
          this.scheduleNext(t);
        }),
      );
      return;
    }
    if (this.options.sendMode === 'sync' && r !== null && r.status === 'pending') {
      this.state = 'awaiting-ack';
      return;
    }
    this.state = 'sending';
    this.scheduleNext(doneMs);
  }

  private scheduleNext(earliestMs: number): void {
    const paced = this.intervalMs > 0 ? this.startMs + this.sent * this.intervalMs : earliestMs;
    this.sim.at(Math.max(earliestMs, paced), () => this.sendNext(this.sim.nowMs));
  }

  private finish(nowMs: number): void {
    if (!this.options.closeWhenDone) {
      this.state = 'stopped';
      return;
    }
    this.state = 'closing';
    this.producer.close(nowMs, () => {
      this.state = 'closed';
    });
  }
}
