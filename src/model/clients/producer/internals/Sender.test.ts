// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { produceRequestSizeInBytes } from '../../../common/requests/ProduceRequestSize';
import { SenderHarness } from './SenderTestKit';

describe('Sender: sending and completing', () => {
  it('sends one request per ready node and completes the records in order with their offsets', () => {
    const h = new SenderHarness();
    const p0 = [h.append(0, 0), h.append(0, 0), h.append(0, 0)];
    const p2 = h.append(2, 0);
    expect(h.run(0)).toBe(0); // sent something: loop again at once
    expect(h.client.sent.map((r) => r.node)).toEqual([0, 1]);
    const [r0, r1] = h.client.sent;
    expect(r0.acks).toBe(-1);
    expect(r0.timeoutMs).toBe(30000);
    expect(r0.batches.map((b) => [b.partition, b.recordCount, b.baseSequence])).toEqual([
      [0, 3, -1],
    ]);
    expect(r0.sizeInBytes).toBe(
      produceRequestSizeInBytes('producer-1', 'test', [r0.batches[0].sizeInBytes]),
    );
    expect(h.pool.availableMemory()).toBe(1024 * 1024 - 2 * 16384);

    h.client.write(r0, 1);
    h.client.write(r1, 1);
    h.client.respond(r0, 'NONE', 5);
    h.client.respond(r1, 'NONE', 6);
    expect(h.completed.map((b) => b.partition)).toEqual([0, 2]);
    expect(p0.map((r) => [r.status, r.offset, r.ackMs])).toEqual([
      ['acked', 0, 5],
      ['acked', 1, 5],
      ['acked', 2, 5],
    ]);
    expect(p2.offset).toBe(0);
    expect(h.pool.availableMemory()).toBe(1024 * 1024);
    expect(h.run(6)).toBe(Number.POSITIVE_INFINITY);

    const m = h.metrics.snapshot(6);
    expect(m['record-send-total']).toBe(4);
    expect(m['request-total']).toBe(2);
    expect(m['records-per-request-avg']).toBe(2);
    expect(m['request-latency-avg']).toBe(5.5);
    expect(m['batch-size-max']).toBe(r0.batches[0].sizeInBytes);
    expect(m['delivery-latency-max']).toBe(6);
    const events = h.sender.events.recentRequests();
    expect(events.map((e) => [e.requestId, e.sentMs, e.responseMs, e.batches[0].outcome])).toEqual([
      [0, 1, 5, 'acked'],
      [1, 1, 6, 'acked'],
    ]);
  });

  it('asks for a strictly later run when a deadline is a rounding error away', () => {
    const h = new SenderHarness({ lingerMs: 5 });
    const created = 64 * 0.05; // 3.2
    const now = created + 5; // the linger deadline the Sender asked for last time
    // In floating point the batch has lingered a hair less than 5 ms, and now + that hair is now.
    expect(now - created).toBeLessThan(5);
    expect(now + (5 - (now - created))).toBe(now);
    h.append(0, created);
    const next = h.run(now);
    expect(next).toBeGreaterThan(now);
    h.run(next);
    expect(h.client.sent).toHaveLength(1);
  });

  it('reports buffer and in-flight gauges', () => {
    const h = new SenderHarness();
    h.append(0, 0);
    h.run(0);
    const m = h.metrics.snapshot(0);
    expect(m['requests-in-flight']).toBe(1);
    expect(m['buffer-total-bytes']).toBe(1024 * 1024);
    expect(m['buffer-available-bytes']).toBe(1024 * 1024 - 16384);
    expect(m['waiting-threads']).toBe(0);
  });

  it('waits for linger.ms and asks to run again when it ends', () => {
    const h = new SenderHarness({ lingerMs: 5 });
    h.append(0, 0);
    expect(h.run(1)).toBe(5);
    expect(h.client.sent).toHaveLength(0);
    h.run(5);
    expect(h.client.sent).toHaveLength(1);
  });

  it('acks=0 completes the batch with offset -1 once the request is written', () => {
    const h = new SenderHarness({ acks: 0 });
    const r = h.append(0, 0);
    h.run(0);
    const req = h.client.head();
    expect(req.acks).toBe(0);
    expect(r.status).toBe('pending');
    h.client.write(req, 2);
    expect([r.status, r.offset, r.ackMs]).toEqual(['acked', -1, 2]);
    expect(h.client.outstanding).toHaveLength(0);
    expect(h.sender.events.recentRequests()[0].batches[0].outcome).toBe('sent');
    expect(h.metrics.snapshot(2)['request-latency-avg']).toBeNaN();
  });

  it('asks for a metadata update when a partition has no leader', () => {
    const h = new SenderHarness({ leaders: [null, 0] });
    h.append(0, 0);
    h.run(0);
    expect(h.metadataUpdates).toEqual(['unknown-leader']);
    expect(h.client.sent).toHaveLength(0);
  });
});

describe('Sender: retries and failures', () => {
  it('retries a retriable error after the backoff, then fails when retries are used up', () => {
    const h = new SenderHarness({ retries: 1 });
    const r = h.append(0, 0);
    h.run(0);
    h.client.respond(h.client.head(), 'NOT_ENOUGH_REPLICAS', 10);
    const batch = h.acc.getDeque(0)![0];
    expect(batch.attempts).toBe(1);
    expect(r.status).toBe('pending');
    expect(h.sender.events.retriesWaiting()).toEqual([
      {
        batchId: batch.id,
        partition: 0,
        attempts: 1,
        recordCount: 1,
        error: 'NOT_ENOUGH_REPLICAS',
        reenqueuedMs: 10,
        nominalBackoffMs: 100,
        earliestRetryMs: 90,
        latestRetryMs: 130,
      },
    ]);
    // Backing off: the next run is due when retry.backoff.ms has passed since the re-enqueue.
    expect(h.run(10)).toBe(110);
    h.run(109);
    expect(h.client.sent).toHaveLength(1);
    h.run(110);
    expect(h.client.sent).toHaveLength(2);
    expect(h.sender.events.recentRequests()[1].batches[0].attempt).toBe(1);
    expect(h.sender.events.retriesWaiting()).toEqual([]);
    h.client.respond(h.client.head(), 'NOT_ENOUGH_REPLICAS', 120);
    expect(r.status).toBe('failed');
    expect(r.error).toBe(
      'NotEnoughReplicasException: Messages are rejected since there are fewer in-sync replicas than required.',
    );
    const m = h.metrics.snapshot(120);
    expect(m['record-retry-total']).toBe(1);
    expect(m['record-error-total']).toBe(1);
    expect(h.pool.availableMemory()).toBe(1024 * 1024);
  });

  it('does not retry when retries=0', () => {
    const h = new SenderHarness({ retries: 0 });
    const r = h.append(0, 0);
    h.run(0);
    h.client.respond(h.client.head(), 'NETWORK_EXCEPTION', 3);
    expect(r.status).toBe('failed');
    expect(r.error).toBe(
      'NetworkException: The server disconnected before a response was received.',
    );
    expect(h.metadataUpdates).toEqual(['invalid-metadata-error']);
  });

  it('fails a non-retriable error at once', () => {
    const h = new SenderHarness();
    const r = h.append(0, 0);
    h.run(0);
    h.client.respond(h.client.head(), 'RECORD_LIST_TOO_LARGE', 3);
    expect(r.error).toBe(
      'RecordBatchTooLargeException: The request included message batch larger than the configured segment size on the server.',
    );
  });

  it('fails every batch of a timed-out connection with REQUEST_TIMED_OUT', () => {
    const h = new SenderHarness({ retries: 0 });
    const a = h.append(0, 0);
    h.run(0);
    const b = h.append(1, 1);
    h.run(1);
    expect(h.client.inFlightRequestCount(0)).toBe(2);
    h.client.timeOut(0, 30000);
    for (const r of [a, b]) {
      expect(r.error).toBe('TimeoutException: Disconnected from node 0 due to timeout');
    }
    expect(h.sender.events.recentRequests().map((e) => e.clientError)).toEqual([
      'REQUEST_TIMED_OUT',
      'REQUEST_TIMED_OUT',
    ]);
  });

  it('applies a NOT_LEADER_OR_FOLLOWER leader hint and asks for metadata', () => {
    const h = new SenderHarness();
    h.append(0, 0);
    h.run(0);
    h.client.respond(h.client.head(), 'NOT_LEADER_OR_FOLLOWER', 4, {
      currentLeader: { leaderId: 1, leaderEpoch: 5 },
    });
    expect(h.leaderHints).toEqual([[0, 1, 5]]);
    expect(h.metadataUpdates).toEqual(['invalid-metadata-error']);
    expect(h.acc.getDeque(0)![0].attempts).toBe(1);
  });
});

describe('Sender: delivery timeout', () => {
  it('expires an in-flight batch and ignores the late answer', () => {
    const h = new SenderHarness({ deliveryTimeoutMs: 1000 });
    const r = h.append(0, 0);
    h.run(0);
    expect(h.run(1)).toBe(1000); // the next batch expiry
    h.run(999);
    expect(r.status).toBe('pending');
    h.run(1000);
    expect(r.status).toBe('failed');
    expect(r.error).toBe(
      'TimeoutException: Expiring 1 record(s) for test-0:1000 ms has passed since batch creation',
    );
    expect(h.sender.inFlightBatches(0)).toHaveLength(0);
    expect(h.pool.availableMemory()).toBe(1024 * 1024);
    h.client.respond(h.client.head(), 'NONE', 1500);
    expect(r.status).toBe('failed');
    expect(h.completed).toHaveLength(1);
    expect(h.pool.availableMemory()).toBe(1024 * 1024);
    expect(h.sender.events.recentRequests()[0].batches[0].outcome).toBe('expired');
  });

  it('expires a batch that never left the accumulator', () => {
    const h = new SenderHarness({ deliveryTimeoutMs: 1000 });
    h.client.down.add(1);
    const r = h.append(2, 0);
    h.run(0);
    h.run(1000);
    expect(h.client.sent).toHaveLength(0);
    expect(r.error).toBe(
      'TimeoutException: Expiring 1 record(s) for test-2:1000 ms has passed since batch creation',
    );
  });
});

describe('Sender: MESSAGE_TOO_LARGE', () => {
  it('splits a batch of several records and re-sends it without counting an attempt', () => {
    const h = new SenderHarness({ compressionType: 'gzip', batchSize: 1024 });
    // As Kafka's testSplitBatchAndSend: an optimistic ratio lets one batch take far more than batch.size.
    h.acc.batchContext.estimator.setEstimation('gzip', 0.2);
    const records = Array.from({ length: 30 }, () => h.append(0, 0, 100));
    h.run(0);
    const big = h.client.head();
    expect(big.batches[0].recordCount).toBe(30);
    expect(big.batches[0].sizeInBytes).toBeGreaterThan(0);
    h.client.respond(big, 'MESSAGE_TOO_LARGE', 5);
    const deque = h.acc.getDeque(0)!;
    expect(deque.length).toBeGreaterThan(1);
    expect(deque.every((b) => b.isSplitBatch && b.attempts === 0)).toBe(true);
    expect(deque.every((b) => b.estimatedSizeInBytes() <= 1024)).toBe(true);
    expect(deque.reduce((n, b) => n + b.recordCount, 0)).toBe(30);
    expect(h.metrics.snapshot(5)['batch-split-total']).toBe(1);
    // The big batch's buffer is back; the split batches live off the pool.
    expect(h.pool.availableMemory()).toBe(1024 * 1024);
    for (let t = 5; h.acc.hasUndrained() || h.client.outstanding.length > 0; t++) {
      h.run(t);
      for (const req of [...h.client.outstanding]) h.client.respond(req, 'NONE', t);
    }
    expect(records.map((r) => r.offset)).toEqual(records.map((_, i) => i));
    expect(records.every((r) => r.status === 'acked')).toBe(true);
  });

  it('fails a single-record batch with RecordTooLargeException', () => {
    const h = new SenderHarness();
    const r = h.append(0, 0);
    h.run(0);
    h.client.respond(h.client.head(), 'MESSAGE_TOO_LARGE', 2);
    expect(r.error).toBe(
      'RecordTooLargeException: The request included a message larger than the max message size the server will accept.',
    );
  });
});

describe('Sender: max.in.flight.requests.per.connection = 1', () => {
  it('mutes a drained partition until its response and resends a retry before newer batches', () => {
    const h = new SenderHarness({ maxInFlight: 1 });
    const first = h.append(0, 0);
    h.run(0);
    expect(h.acc.isMuted(0)).toBe(true);
    const second = h.append(0, 1);
    h.run(1);
    expect(h.client.sent).toHaveLength(1);
    h.client.respond(h.client.head(), 'NOT_ENOUGH_REPLICAS', 2);
    expect(h.acc.isMuted(0)).toBe(false);
    h.run(102);
    const retry = h.client.head();
    expect(retry.batches[0].recordCount).toBe(1);
    expect(h.sender.events.recentRequests()[1].batches[0].attempt).toBe(1);
    h.client.respond(retry, 'NONE', 103);
    h.run(103);
    h.client.respond(h.client.head(), 'NONE', 104);
    expect([first.offset, second.offset]).toEqual([0, 1]);
  });
});

describe('Sender: idempotence', () => {
  it('gets a producer id before draining and assigns sequences at drain', () => {
    const h = new SenderHarness({ idempotent: true });
    h.append(0, 0);
    expect(h.run(0)).toBe(Number.POSITIVE_INFINITY);
    expect(h.init.sends).toBe(1);
    h.run(1);
    expect(h.init.sends).toBe(1); // one InitProducerId at a time
    expect(h.client.sent).toHaveLength(0);
    h.init.answer({ error: 'NONE', producerId: 42, epoch: 0 }, 3);
    h.run(3);
    h.append(0, 3);
    h.append(0, 3);
    h.run(3);
    expect(
      h.client.sent.map((r) => [
        r.batches[0].producerId,
        r.batches[0].producerEpoch,
        r.batches[0].baseSequence,
      ]),
    ).toEqual([
      [42, 0, 0],
      [42, 0, 1],
    ]);
    expect(h.tm!.sequenceNumber(0)).toBe(3);
    expect(h.sender.events.initProducerIdEvents()).toEqual([
      { node: 0, sentMs: 0, responseMs: 3, error: null, producerId: 42, epoch: 0 },
    ]);
  });

  it('resends a failed InitProducerId after retry.backoff.ms', () => {
    const h = new SenderHarness({ idempotent: true });
    h.append(0, 0);
    h.run(0);
    h.init.answer({ error: 'NETWORK_EXCEPTION', producerId: -1, epoch: -1 }, 3);
    expect(h.run(3)).toBe(103);
    expect(h.init.sends).toBe(1);
    h.run(103);
    expect(h.init.sends).toBe(2);
    h.init.answer({ error: 'NONE', producerId: 9, epoch: 0 }, 104);
    h.run(104);
    expect(h.client.head().batches[0].producerId).toBe(9);
  });

  it('fails everything once the producer id cannot be had (fatal error)', () => {
    const h = new SenderHarness({ idempotent: true });
    const r = h.append(0, 0);
    h.run(0);
    h.init.answer({ error: 'CLUSTER_AUTHORIZATION_FAILED', producerId: -1, epoch: -1 }, 2);
    expect(h.run(2)).toBe(Number.POSITIVE_INFINITY);
    expect(r.error).toBe('ClusterAuthorizationException: Cluster authorization failed.');
    expect(h.client.sent).toHaveLength(0);
    expect(h.pool.availableMemory()).toBe(1024 * 1024);
  });

  it('re-queues retries in sequence order and resends the lowest sequence first, one at a time', () => {
    const h = new SenderHarness({ idempotent: true });
    h.initProducerId(42, 0, 0);
    const a = h.append(0, 0);
    h.run(0);
    const b = h.append(0, 1);
    h.run(1);
    const [r1, r2] = h.client.sent;
    // The second answer arrives first: its batch is not the next expected one, so it is retried plainly.
    h.client.respond(r2, 'OUT_OF_ORDER_SEQUENCE_NUMBER', 10);
    h.client.respond(r1, 'NOT_ENOUGH_REPLICAS', 10);
    expect(h.tm!.isEpochBumpRequired()).toBe(false);
    expect(h.acc.getDeque(0)!.map((x) => x.baseSequence())).toEqual([0, 1]);
    h.run(110);
    h.run(110);
    expect(h.client.outstanding.map((r) => r.batches[0].baseSequence)).toEqual([0]);
    h.client.respond(h.client.head(), 'NONE', 120);
    h.run(120);
    expect(h.client.outstanding.map((r) => r.batches[0].baseSequence)).toEqual([1]);
    h.client.respond(h.client.head(), 'NONE', 121);
    expect([a.offset, b.offset]).toEqual([0, 1]);
    expect(h.tm!.lastAckedSequence(0)).toBe(1);
  });

  it('bumps the epoch locally after a real sequence gap and resends from sequence 0', () => {
    const h = new SenderHarness({ idempotent: true });
    h.initProducerId(42, 3, 0);
    const r = h.append(0, 0);
    h.run(0);
    h.client.respond(h.client.head(), 'OUT_OF_ORDER_SEQUENCE_NUMBER', 5);
    h.run(105);
    const resent = h.client.head().batches[0];
    expect([resent.producerId, resent.producerEpoch, resent.baseSequence]).toEqual([42, 4, 0]);
    expect(h.tm!.producerIdAndEpoch).toEqual({ producerId: 42, epoch: 4 });
    h.client.respond(h.client.head(), 'NONE', 106);
    expect(r.status).toBe('acked');
  });

  it('splits with contiguous sequences from the big batch', () => {
    const h = new SenderHarness({ idempotent: true, compressionType: 'gzip', batchSize: 1024 });
    h.initProducerId(1, 0, 0);
    h.acc.batchContext.estimator.setEstimation('gzip', 0.2);
    for (let i = 0; i < 30; i++) h.append(0, 0, 100);
    h.run(0);
    h.client.respond(h.client.head(), 'MESSAGE_TOO_LARGE', 5);
    const deque = h.acc.getDeque(0)!;
    expect(deque.length).toBeGreaterThan(1);
    let expected = 0;
    for (const b of deque) {
      expect(b.baseSequence()).toBe(expected);
      expected += b.recordCount;
    }
    expect(expected).toBe(30);
    expect(h.tm!.firstInFlightSequence(0)).toBe(0);
  });
});
