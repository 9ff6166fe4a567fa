// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Random } from '../../../engine/Random';
import type { RecordState } from '../internals/RecordState';
import {
  type AckCountingInterceptor,
  ProducerInterceptors,
  type TracingInterceptor,
} from './ProducerInterceptors';

function record(id: number): RecordState {
  return {
    id,
    topic: 'topic',
    requestedPartition: null,
    key: null,
    keyBytes: null,
    valueBytes: new Uint8Array(10),
    headers: [],
    timestamp: 0,
    partition: -1,
    partitionReason: '',
    sendMs: 0,
    ackMs: -1,
    status: 'pending',
    error: null,
    batchId: -1,
    offset: -1,
    callback: null,
  };
}

describe('ProducerInterceptors', () => {
  it('runs onSend in configured order: the tracing interceptor adds a 55-byte traceparent header', () => {
    const chain = new ProducerInterceptors(
      ['TracingInterceptor', 'AckCountingInterceptor'],
      new Random(1),
    );
    const r = record(1);
    chain.onSend(r);
    expect(r.headers).toHaveLength(1);
    expect(r.headers[0].key).toBe('traceparent');
    const text = new TextDecoder().decode(r.headers[0].value!);
    expect(text).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(r.headers[0].value!.length).toBe(55);
    expect((chain.interceptors[0] as TracingInterceptor).summary()).toEqual({ traced: 1 });
  });

  it('counts acknowledgements and failures', () => {
    const chain = new ProducerInterceptors(['AckCountingInterceptor'], new Random(1));
    chain.onAcknowledgement(record(1), null);
    chain.onAcknowledgement(record(2), null);
    chain.onAcknowledgement(record(3), 'TimeoutException: Expiring 1 record(s)');
    const counter = chain.interceptors[0] as AckCountingInterceptor;
    expect(counter.summary()).toEqual({ acknowledged: 2, failed: 1 });
  });

  it('is empty when no interceptor is configured', () => {
    expect(new ProducerInterceptors([], new Random(1)).isEmpty).toBe(true);
  });
});
