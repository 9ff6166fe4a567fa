// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ErrorName } from '../common/protocol/Errors';
import { Simulation } from '../engine/Simulation';
import { asClusterFaults, asProducerFaults, FaultSchedule } from './FaultSchedule';
import type { ClusterFaults, ProducerFaults } from './FaultTarget';

/** Records every call with the simulated time it came at. */
class FakeCluster implements ClusterFaults {
  readonly calls: string[] = [];
  crashBroker(b: number, nowMs: number): void {
    this.calls.push(`${nowMs} crash ${b}`);
  }
  restartBroker(b: number, nowMs: number): void {
    this.calls.push(`${nowMs} restart ${b}`);
  }
  slowBroker(b: number, extraMs: number, nowMs: number): void {
    this.calls.push(`${nowMs} slow ${b} ${extraMs}`);
  }
  stallFollower(b: number, nowMs: number): void {
    this.calls.push(`${nowMs} stall ${b}`);
  }
  resumeBroker(b: number, nowMs: number): void {
    this.calls.push(`${nowMs} resume ${b}`);
  }
  isolateBroker(b: number, nowMs: number): void {
    this.calls.push(`${nowMs} isolate ${b}`);
  }
  healBroker(b: number, nowMs: number): void {
    this.calls.push(`${nowMs} heal ${b}`);
  }
  dropResponses(b: number, count: number, nowMs: number): void {
    this.calls.push(`${nowMs} drop ${b} ${count}`);
  }
  injectErrors(p: number, error: ErrorName, count: number, nowMs: number): void {
    this.calls.push(`${nowMs} error ${p} ${error} ${count}`);
  }
}

class FakeProducer implements ProducerFaults {
  readonly calls: number[] = [];
  restartProducer(nowMs: number): void {
    this.calls.push(nowMs);
  }
}

describe('FaultSchedule', () => {
  it('applies a timeline in time order, ties in their given order, each at its simulated time', () => {
    const sim = new Simulation(1);
    const cluster = new FakeCluster();
    const producer = new FakeProducer();
    const faults = new FaultSchedule(sim, { cluster, producer });
    faults.schedule([
      { atMs: 300, action: { kind: 'restart', broker: 1 } },
      { atMs: 100, action: { kind: 'crash', broker: 1 } },
      { atMs: 100, action: { kind: 'slow', broker: 2, extraMs: 7.5 } },
      { atMs: 200, action: { kind: 'restart-producer' } },
      {
        atMs: 250,
        action: { kind: 'error', partition: 4, error: 'NOT_ENOUGH_REPLICAS', count: 3 },
      },
    ]);
    expect(faults.scheduled).toBe(5);
    sim.runUntil(150);
    expect(cluster.calls).toEqual(['100 crash 1', '100 slow 2 7.5']);
    sim.runUntil(1000);
    expect(cluster.calls).toEqual([
      '100 crash 1',
      '100 slow 2 7.5',
      '250 error 4 NOT_ENOUGH_REPLICAS 3',
      '300 restart 1',
    ]);
    expect(producer.calls).toEqual([200]);
    expect(faults.log.map((f) => `${f.atMs} ${f.fault} ${f.source}`)).toEqual([
      '100 crash:1 scenario',
      '100 slow:2:7.5 scenario',
      '200 restart-producer scenario',
      '250 error:4:NOT_ENOUGH_REPLICAS:3 scenario',
      '300 restart:1 scenario',
    ]);
    expect(faults.log.every((f) => f.applied && f.note === null)).toBe(true);
  });

  it('routes every broker action to its ClusterFaults method', () => {
    const sim = new Simulation(1);
    const cluster = new FakeCluster();
    const faults = new FaultSchedule(sim, { cluster, producer: null });
    for (const kind of ['stall-follower', 'resume', 'isolate', 'heal'] as const) {
      faults.applyFault({ kind, broker: 0 }, 0);
    }
    faults.applyFault({ kind: 'drop-responses', broker: 2, count: 4 }, 0);
    expect(cluster.calls).toEqual([
      '0 stall 0',
      '0 resume 0',
      '0 isolate 0',
      '0 heal 0',
      '0 drop 2 4',
    ]);
  });

  it('applies a command at the current simulated time and logs it for replay', () => {
    const sim = new Simulation(1);
    const cluster = new FakeCluster();
    const faults = new FaultSchedule(sim, { cluster, producer: null });
    sim.runUntil(42.5);
    // A stale caller time is stamped with the simulation's clock: the log is what happened.
    faults.applyFault({ kind: 'isolate', broker: 2 }, 40);
    expect(cluster.calls).toEqual(['42.5 isolate 2']);
    // A time in the future is scheduled.
    faults.applyFault({ kind: 'heal', broker: 2 }, 50);
    expect(cluster.calls).toHaveLength(1);
    sim.runUntil(60);
    expect(cluster.calls).toEqual(['42.5 isolate 2', '50 heal 2']);
    expect(faults.commandLog).toEqual([
      { atMs: 42.5, action: { kind: 'isolate', broker: 2 } },
      { atMs: 50, action: { kind: 'heal', broker: 2 } },
    ]);
    expect(faults.log.map((f) => f.source)).toEqual(['command', 'command']);
  });

  it('logs a fault whose target is missing as not applied, with the reason', () => {
    const sim = new Simulation(1);
    const faults = new FaultSchedule(sim, { cluster: null, producer: null });
    faults.applyFault({ kind: 'crash', broker: 0 }, 0);
    faults.applyFault({ kind: 'restart-producer' }, 0);
    expect(faults.log.map((f) => [f.applied, f.note])).toEqual([
      [false, 'the cluster does not implement faults yet'],
      [false, 'the producer does not implement restart yet'],
    ]);
  });

  it('recognises fault targets only when every method is there', () => {
    const cluster = new FakeCluster();
    expect(asClusterFaults(cluster)).toBe(cluster);
    expect(asClusterFaults({ crashBroker: () => {} })).toBeNull();
    expect(asClusterFaults(null)).toBeNull();
    const producer = new FakeProducer();
    expect(asProducerFaults(producer)).toBe(producer);
    expect(asProducerFaults({})).toBeNull();
  });
});
