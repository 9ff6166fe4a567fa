/**
 * The interceptor chain and the explorer's two built-in interceptors, mirroring
 * org.apache.kafka.clients.producer.internals.ProducerInterceptors: onSend runs first in send(), in configured order,
 * and may change the record; onAcknowledgement runs on the I/O thread right before the user callback, and also for
 * records that failed in send() itself (onSendError). An interceptor that throws is logged and skipped, as in Kafka.
 * Left out: loading arbitrary classes (only the built-ins below can be configured).
 */
import { encodeUtf8 } from '../../../common/utils/Utf8';
import type { Random } from '../../../engine/Random';
import type { Header, RecordState } from '../internals/RecordState';

export interface ProducerInterceptor {
  readonly name: string;
  /** May add headers (the only change the built-ins make). */
  onSend(record: RecordState): void;
  onAcknowledgement(record: RecordState, error: string | null): void;
  /** What the interceptor has to show in a report. */
  summary(): Record<string, number | string>;
}

export const TRACING_INTERCEPTOR = 'TracingInterceptor';
export const ACK_COUNTING_INTERCEPTOR = 'AckCountingInterceptor';

const HEX = '0123456789abcdef';

/** Adds a W3C `traceparent` header (55 bytes) to each record, as tracing libraries do. */
export class TracingInterceptor implements ProducerInterceptor {
  readonly name = TRACING_INTERCEPTOR;
  private traced = 0;

  constructor(private readonly random: Random) {}

  onSend(record: RecordState): void {
    const header: Header = {
      key: 'traceparent',
      value: encodeUtf8(`00-${this.hex(32)}-${this.hex(16)}-01`),
    };
    record.headers = [...record.headers, header];
    this.traced++;
  }

  onAcknowledgement(): void {}

  summary(): Record<string, number> {
    return { traced: this.traced };
  }

  private hex(digits: number): string {
    let s = '';
    for (let i = 0; i < digits; i++) s += HEX[this.random.nextInt() & 15];
    return s;
  }
}

/** Counts acknowledgements: successes and failures, as a metrics interceptor would. */
export class AckCountingInterceptor implements ProducerInterceptor {
  readonly name = ACK_COUNTING_INTERCEPTOR;
  acknowledged = 0;
  failed = 0;

  onSend(): void {}

  onAcknowledgement(_record: RecordState, error: string | null): void {
    if (error === null) this.acknowledged++;
    else this.failed++;
  }

  summary(): Record<string, number> {
    return { acknowledged: this.acknowledged, failed: this.failed };
  }
}

export class ProducerInterceptors {
  readonly interceptors: readonly ProducerInterceptor[];
  /** Errors thrown by interceptors (Kafka logs and ignores them). */
  readonly errors: string[] = [];

  constructor(classNames: readonly string[], random: Random) {
    this.interceptors = classNames.map((name) => {
      if (name === TRACING_INTERCEPTOR) return new TracingInterceptor(random.fork('tracing'));
      if (name === ACK_COUNTING_INTERCEPTOR) return new AckCountingInterceptor();
      throw new Error(`Unknown interceptor ${name}`);
    });
  }

  get isEmpty(): boolean {
    return this.interceptors.length === 0;
  }

  onSend(record: RecordState): void {
    for (const i of this.interceptors) {
      try {
        i.onSend(record);
      } catch (e) {
        this.errors.push(`Error executing interceptor onSend callback: ${String(e)}`);
      }
    }
  }

  onAcknowledgement(record: RecordState, error: string | null): void {
    for (const i of this.interceptors) {
      try {
        i.onAcknowledgement(record, error);
      } catch (e) {
        this.errors.push(`Error executing interceptor onAcknowledgement callback: ${String(e)}`);
      }
    }
  }
}
