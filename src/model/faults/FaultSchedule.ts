/**
 * The fault timeline of a run: schedules a scenario's timed faults on the Simulation, applies each to the cluster
 * (ClusterFaults) or the producer (ProducerFaults) when its time comes, takes commands for a running simulation
 * (the explorer's buttons) stamped with simulated time, and keeps a log of what was applied for the report.
 * Simulation-only: Kafka has no such thing (its tests use MockClient/MockTime to the same end).
 *
 * Determinism: a scenario's faults are scheduled when the run is built, in time order with ties in their given
 * order, so they run before other events of the same millisecond scheduled later. A command applies at the
 * simulation's current time (after the events already run at that time); replaying the command log as
 * `advanceTo(atMs)` then `applyFault(action, atMs)` gives the same run.
 */
import type { Simulation } from '../engine/Simulation';
import { formatFaultAction, inTimeOrder } from './FaultSyntax';
import type { ClusterFaults, FaultAction, ProducerFaults, TimedFault } from './FaultTarget';

/** What faults act on; null while a side does not implement its faults (the fault is logged as not applied). */
export interface FaultTargets {
  readonly cluster: ClusterFaults | null;
  readonly producer: ProducerFaults | null;
}

export type FaultSource = 'scenario' | 'command';

/** One fault as it happened, for the report. */
export interface AppliedFault {
  /** Simulated time it was applied at. */
  readonly atMs: number;
  /** `<action>[:<args>]` (FaultSyntax). */
  readonly fault: string;
  readonly action: FaultAction;
  readonly source: FaultSource;
  /** False when the target could not take it (the note says why). */
  readonly applied: boolean;
  readonly note: string | null;
}

export class FaultSchedule {
  private readonly applied: AppliedFault[] = [];
  private readonly commands: TimedFault[] = [];
  private scheduledCount = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly targets: FaultTargets,
  ) {}

  /** Schedules a timeline (a scenario's faults); each is applied when the clock reaches its time. */
  schedule(faults: readonly TimedFault[]): void {
    for (const f of inTimeOrder(faults)) {
      this.scheduledCount++;
      this.sim.at(f.atMs, () => {
        this.apply(f.action, this.sim.nowMs, 'scenario');
      });
    }
  }

  /**
   * A command on a running simulation. `nowMs` is the caller's idea of now: a time in the future is scheduled,
   * anything else applies at once, stamped with the simulation's clock (so the log can be replayed exactly).
   */
  applyFault(action: FaultAction, nowMs: number): void {
    const simNow = this.sim.nowMs;
    if (nowMs > simNow) {
      this.commands.push({ atMs: nowMs, action });
      this.sim.at(nowMs, () => {
        this.apply(action, this.sim.nowMs, 'command');
      });
      return;
    }
    this.commands.push({ atMs: simNow, action });
    this.apply(action, simNow, 'command');
  }

  /** Every fault applied so far, in the order applied. */
  get log(): readonly AppliedFault[] {
    return this.applied;
  }

  /** The commands given so far, stamped with simulated time: with the scenario, they reproduce the run. */
  get commandLog(): readonly TimedFault[] {
    return this.commands;
  }

  /** Scenario faults scheduled (applied or still to come). */
  get scheduled(): number {
    return this.scheduledCount;
  }

  private apply(action: FaultAction, nowMs: number, source: FaultSource): void {
    const note = dispatch(action, this.targets, nowMs);
    this.applied.push({
      atMs: nowMs,
      fault: formatFaultAction(action),
      action,
      source,
      applied: note === null,
      note,
    });
  }
}

/** Applies one action; returns null, or why it could not be applied. */
function dispatch(a: FaultAction, targets: FaultTargets, nowMs: number): string | null {
  if (a.kind === 'restart-producer') {
    if (targets.producer === null) return 'the producer does not implement restart yet';
    targets.producer.restartProducer(nowMs);
    return null;
  }
  const c = targets.cluster;
  if (c === null) return 'the cluster does not implement faults yet';
  switch (a.kind) {
    case 'crash':
      c.crashBroker(a.broker, nowMs);
      break;
    case 'restart':
      c.restartBroker(a.broker, nowMs);
      break;
    case 'slow':
      c.slowBroker(a.broker, a.extraMs, nowMs);
      break;
    case 'stall-follower':
      c.stallFollower(a.broker, nowMs);
      break;
    case 'resume':
      c.resumeBroker(a.broker, nowMs);
      break;
    case 'isolate':
      c.isolateBroker(a.broker, nowMs);
      break;
    case 'heal':
      c.healBroker(a.broker, nowMs);
      break;
    case 'drop-responses':
      c.dropResponses(a.broker, a.count, nowMs);
      break;
    case 'error':
      c.injectErrors(a.partition, a.error, a.count, nowMs);
      break;
  }
  return null;
}

/** The object as ClusterFaults if it implements every method (lets a run wire faults as they land). */
export function asClusterFaults(o: unknown): ClusterFaults | null {
  if (typeof o !== 'object' || o === null) return null;
  const r = o as Record<string, unknown>;
  for (const m of CLUSTER_FAULT_METHODS) if (typeof r[m] !== 'function') return null;
  return o as ClusterFaults;
}

/** The object as ProducerFaults if it implements restartProducer. */
export function asProducerFaults(o: unknown): ProducerFaults | null {
  if (typeof o !== 'object' || o === null) return null;
  return typeof (o as Record<string, unknown>).restartProducer === 'function'
    ? (o as ProducerFaults)
    : null;
}

const CLUSTER_FAULT_METHODS: readonly (keyof ClusterFaults)[] = [
  'crashBroker',
  'restartBroker',
  'slowBroker',
  'stallFollower',
  'resumeBroker',
  'isolateBroker',
  'healBroker',
  'dropResponses',
  'injectErrors',
];
