// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeCluster } from '../../../cluster/ClusterTestKit';
import { costModelFrom } from '../../../cluster/CostModel';
import { NetworkClient } from '../../../cluster/NetworkClient';
import type { Simulation } from '../../../engine/Simulation';
import { record } from './AccumulatorTestUtils';
import { BufferPool } from './BufferPool';
import { SimulatedInitProducerId } from './InitProducerIdChannel';
import type { ProducerBatch } from './ProducerBatch';
import { ProducerMetrics } from './ProducerMetrics';
import { RecordAccumulator, UNKNOWN_PARTITION } from './RecordAccumulator';
import type { RecordState } from './RecordState';
import { Sender } from './Sender';
import { SenderThread } from './SenderThread';
import { TransactionManager } from './TransactionManager';

interface RigOptions {
  idempotent?: boolean;
  acks?: -1 | 0 | 1;
  latencyMs?: number;
  requestTimeoutMs?: number;
  deliveryTimeoutMs?: number;
}

/** A producer without KafkaProducer: accumulator + Sender on a real SimCluster and NetworkClient. */
function rig(o: RigOptions = {}) {
  const cost = costModelFrom({ 'net.latency.ms': o.latencyMs ?? 0.25 });
  const { sim, cluster } = makeCluster(
    { brokers: 2, partitions: 4, replicationFactor: 1 },
    3,
    cost,
  );
  const client = new NetworkClient(sim, cluster, cost, { maxInFlightRequestsPerConnection: 5 });
  const tm = o.idempotent === false ? null : new TransactionManager<ProducerBatch>();
  const acc = new RecordAccumulator(
    {
      topic: cluster.topic,
      batchSize: 16384,
      compressionType: 'none',
      lingerMs: 5,
      retryBackoffMs: 100,
      retryBackoffMaxMs: 1000,
      deliveryTimeoutMs: o.deliveryTimeoutMs ?? 120000,
      random: sim.random.fork('accumulator'),
      transactionManager: tm,
    },
    new BufferPool(32 * 1024 * 1024, 16384),
  );
  const metrics = new ProducerMetrics(0);
  const completed: ProducerBatch[] = [];
  const sender = new Sender(
    {
      clientId: 'producer-1',
      acks: o.acks ?? -1,
      retries: 2147483647,
      maxRequestSize: 1048576,
      requestTimeoutMs: o.requestTimeoutMs ?? 30000,
      retryBackoffMs: 100,
      retryBackoffMaxMs: 1000,
      maxInFlightRequestsPerConnection: 5,
    },
    {
      accumulator: acc,
      client,
      metadata: cluster,
      transactionManager: tm,
      initProducerId: new SimulatedInitProducerId(sim, { roundTripMs: 2 * cost.netLatencyMs }),
      metrics,
      onBatchCompleted: (b, nowMs) => {
        for (const r of b.records) metrics.recordDeliveryLatency(nowMs - r.sendMs);
        completed.push(b);
      },
    },
  );
  const thread = new SenderThread(sim, sender);
  thread.start(sim.nowMs);
  /** What KafkaProducer.doSend does after the append: wake the Sender for a full or new batch. */
  const send = (sim: Simulation, atMs: number): RecordState => {
    const r = record(null, new Uint8Array(100), atMs);
    sim.at(atMs, (nowMs) => {
      const result = acc.append(r, UNKNOWN_PARTITION, 60000, false, nowMs, cluster);
      if (result.batchIsFull || result.newBatchCreated) sender.wakeup();
    });
    return r;
  };
  return { sim, cluster, client, acc, tm, metrics, sender, thread, completed, send };
}

describe('Sender on the simulated cluster', () => {
  it('gets a producer id, then delivers every record with per-partition offsets in send order', () => {
    const { sim, cluster, sender, metrics, send } = rig();
    const records = Array.from({ length: 2000 }, (_, i) => send(sim, i * 0.05));
    sim.runUntil(2000);
    expect(records.every((r) => r.status === 'acked')).toBe(true);
    const init = sender.events.initProducerIdEvents();
    expect(init).toEqual([
      { node: 0, sentMs: 0, responseMs: 0.5, error: null, producerId: 0, epoch: 0 },
    ]);
    const firstRequest = sender.events.recentRequests()[0];
    expect(firstRequest.createdMs).toBeGreaterThanOrEqual(0.5);
    expect(firstRequest.batches[0].baseSequence).toBe(0);
    for (let p = 0; p < cluster.partitionCount(); p++) {
      const mine = records.filter((r) => r.partition === p).map((r) => r.offset);
      expect(mine).toEqual(mine.map((_, i) => i));
      expect(cluster.log(p).logEndOffset).toBe(mine.length);
    }
    const m = metrics.snapshot(2000);
    expect(m['record-send-total']).toBe(2000);
    expect(m['record-error-total']).toBe(0);
    expect(m['request-latency-avg']).toBeGreaterThan(0.5);
    expect(m['delivery-latency-p99']).toBeLessThan(50);
    expect(sender.hasPendingWork()).toBe(false);
  });

  it('acks=0 completes records when written, with offset -1, while the brokers still append them', () => {
    const { sim, cluster, send } = rig({ acks: 0, idempotent: false });
    const records = Array.from({ length: 50 }, (_, i) => send(sim, i));
    sim.runUntil(200);
    expect(records.every((r) => r.status === 'acked' && r.offset === -1)).toBe(true);
    let stored = 0;
    for (let p = 0; p < cluster.partitionCount(); p++) stored += cluster.log(p).logEndOffset;
    expect(stored).toBe(50);
  });

  it('retries timed-out requests until delivery.timeout.ms fails the batch', () => {
    // 5 ms each way but a 3 ms request timeout: no answer ever arrives in time.
    const { sim, client, sender, send } = rig({
      idempotent: false,
      latencyMs: 5,
      requestTimeoutMs: 3,
      deliveryTimeoutMs: 1000,
    });
    const r = send(sim, 0);
    sim.runUntil(1500);
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/^TimeoutException: /);
    expect(client.requestsTimedOut).toBeGreaterThan(1);
    const events = sender.events.recentRequests();
    expect(events.length).toBeGreaterThan(1);
    expect(events.every((e) => e.clientError === 'REQUEST_TIMED_OUT')).toBe(true);
    expect(events.map((e) => e.batches[0].attempt)).toEqual(events.map((_, i) => i));
  });
});

describe('Sender wake-ups on the SenderThread', () => {
  it('coalesces wakeups into one run and then sleeps until the linger deadline it asked for', () => {
    const { sim, thread, sender, acc, cluster } = rig({ idempotent: false });
    sim.runUntil(1);
    const runs = thread.iterations;
    acc.append(record(null, new Uint8Array(10), 1), 0, 1000, false, 1, cluster);
    sender.wakeup();
    sender.wakeup();
    sim.runUntil(1);
    expect(thread.iterations).toBe(runs + 1);
    // linger.ms = 5 from creation at 1 ms: the next run is at 6, and it sends.
    sim.runUntil(5.9);
    expect(thread.iterations).toBe(runs + 1);
    expect(sender.requestsSent).toBe(0);
    sim.runUntil(6);
    // The run that sent loops again at once (Kafka's poll(0)), finds the connection busy writing and sleeps.
    expect(thread.iterations).toBe(runs + 3);
    expect(sender.requestsSent).toBe(1);
  });
});
