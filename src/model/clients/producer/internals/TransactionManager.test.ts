// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { incrementSequence, NO_SEQUENCE } from '../../../common/record/DefaultRecordBatch';
import {
  type ProducerIdAndEpoch,
  type SequencedBatch,
  TransactionManager,
} from './TransactionManager';

/** The sequence-related slice of a ProducerBatch, as the accumulator's drain would set it. */
class FakeBatch implements SequencedBatch {
  private seq = NO_SEQUENCE;
  private pid = -1;
  private epoch = -1;
  private reset = false;
  constructor(
    readonly partition: number,
    readonly recordCount: number,
  ) {}
  baseSequence(): number {
    return this.seq;
  }
  hasSequence(): boolean {
    return this.seq !== NO_SEQUENCE;
  }
  lastSequence(): number {
    return incrementSequence(this.seq, this.recordCount - 1);
  }
  producerId(): number {
    return this.pid;
  }
  producerEpoch(): number {
    return this.epoch;
  }
  sequenceHasBeenReset(): boolean {
    return this.reset;
  }
  setProducerState(p: ProducerIdAndEpoch, baseSequence: number): void {
    this.pid = p.producerId;
    this.epoch = p.epoch;
    this.seq = baseSequence;
  }
  resetProducerState(p: ProducerIdAndEpoch, baseSequence: number): void {
    this.setProducerState(p, baseSequence);
    this.reset = true;
  }
  /** Drained again: the batch is closed, Kafka clears the "reopened" flag. */
  drained(): void {
    this.reset = false;
  }
}

function readyManager(producerId = 1000, epoch = 0): TransactionManager<FakeBatch> {
  const tm = new TransactionManager<FakeBatch>();
  tm.bumpIdempotentEpochAndResetIdIfNeeded();
  tm.initProducerIdSent();
  tm.handleInitProducerIdResponse('NONE', producerId, epoch);
  return tm;
}

/** What RecordAccumulator.drain does for a never-sent batch. */
function drain(tm: TransactionManager<FakeBatch>, batch: FakeBatch): FakeBatch {
  tm.maybeUpdateProducerIdAndEpoch(batch.partition);
  batch.setProducerState(tm.producerIdAndEpoch, tm.sequenceNumber(batch.partition));
  tm.incrementSequenceNumber(batch.partition, batch.recordCount);
  tm.addInFlightBatch(batch);
  return batch;
}

function error(name: string): string {
  return `${name}: test`;
}

describe('TransactionManager sequences', () => {
  it('starts at 0 and increments by the record count', () => {
    const tm = new TransactionManager();
    expect(tm.sequenceNumber(0)).toBe(0);
    tm.incrementSequenceNumber(0, 3);
    expect(tm.sequenceNumber(0)).toBe(3);
  });

  it('wraps from 2147483647 to 0', () => {
    const tm = new TransactionManager();
    tm.sequenceNumber(0);
    tm.incrementSequenceNumber(0, 2147483647);
    expect(tm.sequenceNumber(0)).toBe(2147483647);
    tm.incrementSequenceNumber(0, 100);
    expect(tm.sequenceNumber(0)).toBe(99);
    tm.incrementSequenceNumber(0, 2147483647);
    expect(tm.sequenceNumber(0)).toBe(98);
  });

  it('refuses to increment a partition that never had a sequence', () => {
    const tm = new TransactionManager();
    expect(() => tm.incrementSequenceNumber(0, 3333)).toThrow(/never set/);
  });
});

describe('TransactionManager InitProducerId', () => {
  it('enqueues one InitProducerId until it is answered, then has a producer id', () => {
    const tm = new TransactionManager();
    expect(tm.hasProducerId()).toBe(false);
    expect(tm.producerIdAndEpoch).toEqual({ producerId: -1, epoch: -1 });
    tm.bumpIdempotentEpochAndResetIdIfNeeded();
    expect(tm.hasPendingInitProducerId()).toBe(true);
    tm.initProducerIdSent();
    tm.bumpIdempotentEpochAndResetIdIfNeeded();
    expect(tm.hasPendingInitProducerId()).toBe(false);
    expect(tm.initProducerIdRequests).toBe(1);
    tm.handleInitProducerIdResponse('NONE', 13131, 1);
    expect(tm.hasProducerId()).toBe(true);
    expect(tm.producerIdAndEpoch).toEqual({ producerId: 13131, epoch: 1 });
  });

  it('retries after a disconnect and becomes fatal on an authorization error', () => {
    const tm = new TransactionManager();
    tm.bumpIdempotentEpochAndResetIdIfNeeded();
    tm.initProducerIdSent();
    tm.handleInitProducerIdResponse('NETWORK_EXCEPTION', -1, -1);
    expect(tm.hasPendingInitProducerId()).toBe(true);
    expect(tm.isInitProducerIdRetry()).toBe(true);
    tm.initProducerIdSent();
    tm.handleInitProducerIdResponse('CLUSTER_AUTHORIZATION_FAILED', -1, -1);
    expect(tm.hasFatalError()).toBe(true);
    expect(tm.lastError).toBe('ClusterAuthorizationException: Cluster authorization failed.');
    expect(tm.isSendToPartitionAllowed(0)).toBe(false);
  });
});

describe('TransactionManager in-flight batches', () => {
  it('keeps in-flight batches in sequence order and tracks the last acked sequence', () => {
    const tm = readyManager();
    const b1 = drain(tm, new FakeBatch(0, 5));
    const b2 = drain(tm, new FakeBatch(0, 5));
    const b3 = drain(tm, new FakeBatch(0, 5));
    expect([b1, b2, b3].map((b) => b.baseSequence())).toEqual([0, 5, 10]);
    expect(tm.firstInFlightSequence(0)).toBe(0);
    tm.handleCompletedBatch(b2, 105);
    expect(tm.lastAckedSequence(0)).toBe(9);
    // an older response arriving later does not move the acked sequence back
    tm.handleCompletedBatch(b1, 100);
    expect(tm.lastAckedSequence(0)).toBe(9);
    expect(tm.lastAckedOffset(0)).toBe(109);
    expect(tm.firstInFlightSequence(0)).toBe(10);
    tm.removeInFlightBatch(b3);
    expect(tm.firstInFlightSequence(0)).toBe(NO_SEQUENCE);
  });

  it('re-adding a batch keeps one entry per sequence, in order', () => {
    const tm = readyManager();
    const b1 = drain(tm, new FakeBatch(0, 1));
    const b2 = drain(tm, new FakeBatch(0, 1));
    tm.removeInFlightBatch(b1);
    tm.addInFlightBatch(b1);
    tm.addInFlightBatch(b2);
    expect(tm.inFlightBatches(0)).toEqual([b1, b2]);
  });
});

describe('TransactionManager idempotent error handling', () => {
  it('retries OUT_OF_ORDER_SEQUENCE_NUMBER for a batch that is not next, without an epoch bump', () => {
    const tm = readyManager();
    const b1 = drain(tm, new FakeBatch(0, 2));
    const b2 = drain(tm, new FakeBatch(0, 2));
    expect(tm.canRetry({ error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' }, b2)).toBe(true);
    expect(tm.isEpochBumpRequired()).toBe(false);
    expect(b1.baseSequence()).toBe(0);
  });

  it('bumps the epoch and rewrites sequences from 0 on a real gap', () => {
    const tm = readyManager(1000, 4);
    const b1 = drain(tm, new FakeBatch(0, 2));
    const b2 = drain(tm, new FakeBatch(0, 3));
    const b3 = drain(tm, new FakeBatch(0, 4));
    tm.handleCompletedBatch(b1, 0);
    // b2 is the next expected batch (sequence 2 = last acked 1 + 1): a gap on the broker
    expect(tm.canRetry({ error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' }, b2)).toBe(true);
    expect(tm.isEpochBumpRequired()).toBe(true);
    tm.bumpIdempotentEpochAndResetIdIfNeeded();
    expect(tm.producerIdAndEpoch).toEqual({ producerId: 1000, epoch: 5 });
    expect([b2.baseSequence(), b3.baseSequence()]).toEqual([0, 3]);
    expect(b2.producerEpoch()).toBe(5);
    expect(b2.sequenceHasBeenReset()).toBe(true);
    expect(tm.sequenceNumber(0)).toBe(7);
    expect(tm.lastAckedSequence(0)).toBe(-1);
    expect(tm.epochBumps).toBe(1);
  });

  it('retries UNKNOWN_PRODUCER_ID when the log start offset is unknown', () => {
    const tm = readyManager();
    const b1 = drain(tm, new FakeBatch(0, 1));
    expect(tm.canRetry({ error: 'UNKNOWN_PRODUCER_ID' }, b1)).toBe(true);
    expect(tm.isEpochBumpRequired()).toBe(false);
    expect(tm.canRetry({ error: 'UNKNOWN_PRODUCER_ID', logStartOffset: 50 }, b1)).toBe(true);
    expect(tm.isEpochBumpRequired()).toBe(true);
  });

  it('falls back to the error class for other errors', () => {
    const tm = readyManager();
    const b1 = drain(tm, new FakeBatch(0, 1));
    expect(tm.canRetry({ error: 'NOT_ENOUGH_REPLICAS' }, b1)).toBe(true);
    expect(tm.canRetry({ error: 'REQUEST_TIMED_OUT' }, b1)).toBe(true);
    expect(tm.canRetry({ error: 'INVALID_RECORD' }, b1)).toBe(false);
    expect(tm.canRetry({ error: 'INVALID_PRODUCER_EPOCH' }, b1)).toBe(false);
  });

  it('bumps the epoch after a non-retriable failure that still had retries left', () => {
    const tm = readyManager();
    const b1 = drain(tm, new FakeBatch(0, 1));
    tm.handleFailedBatch(b1, error('InvalidRecordException'), false);
    expect(tm.isEpochBumpRequired()).toBe(false);
    const b2 = drain(tm, new FakeBatch(0, 1));
    tm.handleFailedBatch(b2, error('InvalidRecordException'), true);
    expect(tm.isEpochBumpRequired()).toBe(true);
    expect(tm.hasInflightBatches(0)).toBe(false);
  });

  it('resets the partition sequence on UnknownProducerIdException', () => {
    const tm = readyManager();
    const b1 = drain(tm, new FakeBatch(0, 4));
    expect(tm.sequenceNumber(0)).toBe(4);
    tm.handleFailedBatch(b1, error('UnknownProducerIdException'), true);
    expect(tm.sequenceNumber(0)).toBe(0);
  });

  it('turns fatal on ClusterAuthorizationException', () => {
    const tm = readyManager();
    const b1 = drain(tm, new FakeBatch(0, 1));
    tm.handleFailedBatch(b1, error('ClusterAuthorizationException'), true);
    expect(tm.hasFatalError()).toBe(true);
    expect(tm.isEpochBumpRequired()).toBe(false);
  });

  it('asks for a new producer id when the epoch is exhausted', () => {
    const tm = readyManager(7, 32767);
    const b1 = drain(tm, new FakeBatch(0, 1));
    tm.handleFailedBatch(b1, error('OutOfOrderSequenceException'), false);
    tm.bumpIdempotentEpochAndResetIdIfNeeded();
    expect(tm.hasProducerId()).toBe(false);
    expect(tm.hasPendingInitProducerId()).toBe(true);
    tm.initProducerIdSent();
    tm.handleInitProducerIdResponse('NONE', 8, 0);
    // the partition's old id is stale and nothing is in flight: the next drain restarts it at 0
    const b2 = drain(tm, new FakeBatch(0, 1));
    expect([b2.producerId(), b2.producerEpoch(), b2.baseSequence()]).toEqual([8, 0, 0]);
  });
});

describe('TransactionManager unresolved sequences after expiry', () => {
  it('resolves without an epoch bump when later batches of the partition succeed', () => {
    const tm = readyManager();
    const b1 = drain(tm, new FakeBatch(0, 2));
    const b2 = drain(tm, new FakeBatch(0, 2));
    const b3 = drain(tm, new FakeBatch(0, 2));
    // b1 was sent and then expired in flight
    tm.markSequenceUnresolved(b1);
    tm.handleFailedBatch(b1, error('TimeoutException'), false);
    expect(tm.hasUnresolvedSequence(0)).toBe(true);
    tm.handleCompletedBatch(b2, 2);
    tm.maybeResolveSequences();
    expect(tm.hasUnresolvedSequence(0)).toBe(true); // b3 still in flight
    tm.handleCompletedBatch(b3, 4);
    tm.maybeResolveSequences();
    expect(tm.hasUnresolvedSequences()).toBe(false);
    tm.bumpIdempotentEpochAndResetIdIfNeeded();
    expect(tm.producerIdAndEpoch.epoch).toBe(0);
    expect(tm.sequenceNumber(0)).toBe(6);
  });

  it('bumps the epoch and restarts at 0 when every in-flight batch expired', () => {
    const tm = readyManager();
    const batches = [drain(tm, new FakeBatch(0, 2)), drain(tm, new FakeBatch(0, 2))];
    for (const b of batches) {
      tm.markSequenceUnresolved(b);
      tm.handleFailedBatch(b, error('TimeoutException'), false);
    }
    tm.maybeResolveSequences();
    expect(tm.isEpochBumpRequired()).toBe(true);
    tm.bumpIdempotentEpochAndResetIdIfNeeded();
    expect(tm.producerIdAndEpoch).toEqual({ producerId: 1000, epoch: 1 });
    expect(tm.sequenceNumber(0)).toBe(0);
    expect(tm.hasUnresolvedSequences()).toBe(false);
  });

  it('keeps a stale partition on its old epoch while its old batches are in flight', () => {
    const tm = readyManager();
    const old = drain(tm, new FakeBatch(1, 3));
    const b0 = drain(tm, new FakeBatch(0, 1));
    tm.handleFailedBatch(b0, error('OutOfOrderSequenceException'), false);
    tm.bumpIdempotentEpochAndResetIdIfNeeded();
    expect(tm.hasStaleProducerIdAndEpoch(1)).toBe(true);
    tm.maybeUpdateProducerIdAndEpoch(1);
    expect(tm.sequenceNumber(1)).toBe(3);
    tm.handleCompletedBatch(old, 0);
    const next = drain(tm, new FakeBatch(1, 1));
    expect([next.producerEpoch(), next.baseSequence()]).toEqual([1, 0]);
  });
});
