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
    this.sim.at(nowMs, this.sendLoop);
  }

  /**
   * Sends records back to back. While the next send is due before any other event, the clock is fast-forwarded to
   * it (Simulation.tryAdvanceTo) instead of scheduling an event per record: the same run, fewer heap operations.
   */
  private readonly sendLoop = (startMs: number): void => {
    let nowMs = startMs;
    for (;;) {
      const nextMs = this.sendOne(nowMs);
      if (nextMs < 0) return;
      if (!this.sim.tryAdvanceTo(nextMs)) {
        this.sim.at(nextMs, this.sendLoop);
        return;
      }
      nowMs = nextMs;
    }
  };

  /** One send() at `nowMs`; returns when the thread is free for the next one, or -1 if it waits for something. */
  private sendOne(nowMs: number): number {
    if (this.state !== 'sending') return -1;
    if (nowMs >= this.options.stopSendingAtMs) {
      this.state = 'stopped';
      return -1;
    }
    const input = this.source.next();
    if (input === null) {
      this.finish(nowMs);
      return -1;
    }
    const mode = this.options.sendMode;
    const callback =
      mode === 'fire-and-forget' ? null : mode === 'sync' ? this.syncCallback : this.asyncCallback;
    this.sent++;
    this.lastRecord = this.producer.send(input, nowMs, callback);
    if (this.producer.isSendBlocked) {
      this.state = 'blocked';
      this.blockedSends++;
      return -1;
    }
    return this.afterSend(nowMs);
  }

  private lastRecord: RecordState | null = null;
  /** What the application learns through its callbacks (fire-and-forget learns nothing). */
  callbacksAcked = 0;
  callbacksFailed = 0;
  private readonly asyncCallback = (r: RecordState): void => {
    if (r.status === 'acked') this.callbacksAcked++;
    else this.callbacksFailed++;
  };
  private readonly syncCallback = (r: RecordState, nowMs: number): void => {
    this.asyncCallback(r);
    if (this.state === 'awaiting-ack' && r === this.lastRecord) {
      this.state = 'sending';
      this.sim.at(this.nextSendMs(nowMs), this.sendLoop);
    }
  };

  /** The producer returned from a blocked send(). */
  private afterSendReturned(nowMs: number): void {
    const nextMs = this.afterSend(nowMs);
    if (nextMs >= 0) this.sim.at(nextMs, this.sendLoop);
  }

  /** After send() returned at `nowMs`: flush, wait for the ack (sync), or the time of the next send. */
  private afterSend(nowMs: number): number {
    const r = this.lastRecord;
    const bytes = (r?.keyBytes?.length ?? 0) + (r?.valueBytes?.length ?? 0);
    const doneMs = nowMs + this.options.cpuPerRecordMs + bytes * this.options.cpuPerByteMs;
    if (this.options.flushEvery > 0 && this.sent % this.options.flushEvery === 0) {
      this.state = 'flushing';
      this.sim.at(doneMs, (t) =>
        this.producer.flush(t, (doneAt) => {
          this.state = 'sending';
          this.sim.at(this.nextSendMs(doneAt), this.sendLoop);
        }),
      );
      return -1;
    }
    if (this.options.sendMode === 'sync' && r !== null && r.status === 'pending') {
      this.state = 'awaiting-ack';
      return -1;
    }
    this.state = 'sending';
    return this.nextSendMs(doneMs);
  }

  /** The throttle of kafka-producer-perf-test: never ahead of `throughput`, never before the thread is free. */
  private nextSendMs(earliestMs: number): number {
    return this.intervalMs > 0
      ? Math.max(earliestMs, this.startMs + this.sent * this.intervalMs)
      : earliestMs;
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
