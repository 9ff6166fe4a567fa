// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  produceRequestBodySizeInBytes,
  produceRequestSizeInBytes,
  produceResponseSizeInBytes,
  requestHeaderSizeInBytes,
} from './ProduceRequestSize';

describe('ProduceRequestSize', () => {
  it('gives 123 bytes for client "producer-1", topic "test", one 76-byte batch (reference §3d)', () => {
    const input = { clientId: 'producer-1', topic: 'test', batchSizes: [76] };
    expect(requestHeaderSizeInBytes('producer-1', true)).toBe(21);
    expect(produceRequestBodySizeInBytes(input)).toBe(98);
    expect(produceRequestSizeInBytes(input)).toBe(123);
  });

  it('accepts the positional form of the model README too', () => {
    expect(produceRequestSizeInBytes('producer-1', 'test', [76], -1, null)).toBe(123);
  });

  it('matches the kafkajs v3 fixture body: 327 bytes for a 31-char topic and a 270-byte batch', () => {
    const body = produceRequestBodySizeInBytes(
      { clientId: '', topic: 'test-topic-ebba68879c6f5081d8c2', batchSizes: [270] },
      3,
    );
    expect(body).toBe(327);
  });

  it('grows by exactly the batch bytes plus per-partition framing', () => {
    const one = produceRequestSizeInBytes({ clientId: 'c', topic: 't', batchSizes: [100] });
    const two = produceRequestSizeInBytes({ clientId: 'c', topic: 't', batchSizes: [100, 100] });
    // index 4 + uvarint(101) 1 + 100 + tags 1
    expect(two - one).toBe(106);
    // a batch of 127+ bytes needs a 2-byte compact length
    const big = produceRequestSizeInBytes({ clientId: 'c', topic: 't', batchSizes: [127] });
    expect(big - one).toBe(27 + 1);
  });

  it('counts a transactional id as a compact string in v9+ and an int16 string before', () => {
    const base = { clientId: 'c', topic: 't', batchSizes: [10] };
    const txn = { ...base, transactionalId: 'txn-1' };
    expect(produceRequestSizeInBytes(txn) - produceRequestSizeInBytes(base)).toBe(5);
    expect(
      produceRequestSizeInBytes({ ...txn, version: 8 }) -
        produceRequestSizeInBytes({ ...base, version: 8 }),
    ).toBe(5);
  });

  it('v13 sends a 16-byte topic id instead of the name', () => {
    const input = { clientId: 'c', topic: 'a-rather-long-topic-name', batchSizes: [10] };
    expect(
      produceRequestSizeInBytes({ ...input, version: 12 }) -
        produceRequestSizeInBytes({ ...input, version: 13 }),
    ).toBe(1 + 24 - 16);
    expect(() => produceRequestBodySizeInBytes(input, 2)).toThrow(
      'Unsupported ProduceRequest version 2',
    );
  });

  it('estimates a response at 33 bytes per partition plus framing', () => {
    expect(produceResponseSizeInBytes('test', 1)).toBe(4 + 5 + 1 + 5 + 1 + 33 + 1 + 5);
    expect(produceResponseSizeInBytes('test', 3) - produceResponseSizeInBytes('test', 2)).toBe(33);
  });
});
