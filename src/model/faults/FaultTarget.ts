/**
 * What a fault can do to a run: the contract between the fault timeline (FaultSchedule, scenario `fault=` keys,
 * explorer commands) and the parts that misbehave. Simulation-only. Brokers are numbered from 0; every method takes
 * the simulated time it happens at and must leave the run deterministic.
 */
import type { ErrorName } from '../common/protocol/Errors';

/** Broker and network faults, implemented by SimCluster (with its NetworkClient). */
export interface ClusterFaults {
  /** The broker stops: no appends, no responses, no fetches; its partitions get new leaders from the ISR. */
  crashBroker(broker: number, nowMs: number): void;
  /** The broker comes back: truncates each replica to its high watermark, then fetches to catch up. */
  restartBroker(broker: number, nowMs: number): void;
  /** Every append on this broker takes `extraMs` longer (a slow disk). */
  slowBroker(broker: number, extraMs: number, nowMs: number): void;
  /** This broker's follower fetches stop (it falls out of the ISR after replica.lag.time.max.ms). */
  stallFollower(broker: number, nowMs: number): void;
  /** Ends `slow` and `stall-follower` on this broker. */
  resumeBroker(broker: number, nowMs: number): void;
  /** Cuts the network between the producer and this broker (brokers still reach each other). */
  isolateBroker(broker: number, nowMs: number): void;
  /** Restores the producer's network to this broker. */
  healBroker(broker: number, nowMs: number): void;
  /** The broker appends as usual, but its next `count` produce responses to the producer are lost. */
  dropResponses(broker: number, count: number, nowMs: number): void;
  /** The next `count` produce responses for `partition` carry `error`, and nothing is appended. */
  injectErrors(partition: number, error: ErrorName, count: number, nowMs: number): void;
}

/** Producer faults, implemented by ProducerRun. */
export interface ProducerFaults {
  /**
   * The application's producer is closed at once (incomplete records fail) and a new KafkaProducer takes its place
   * with a new producer id (the seed's "idempotence limitation": sequences do not survive a restart).
   */
  restartProducer(nowMs: number): void;
}

/** One timed fault, as `fault=<simMs>:<action>[:<args>]` in a scenario. */
export type FaultAction =
  | { readonly kind: 'crash'; readonly broker: number }
  | { readonly kind: 'restart'; readonly broker: number }
  | { readonly kind: 'slow'; readonly broker: number; readonly extraMs: number }
  | { readonly kind: 'stall-follower'; readonly broker: number }
  | { readonly kind: 'resume'; readonly broker: number }
  | { readonly kind: 'isolate'; readonly broker: number }
  | { readonly kind: 'heal'; readonly broker: number }
  | { readonly kind: 'drop-responses'; readonly broker: number; readonly count: number }
  | {
      readonly kind: 'error';
      readonly partition: number;
      readonly error: ErrorName;
      readonly count: number;
    }
  | { readonly kind: 'restart-producer' };

export interface TimedFault {
  readonly atMs: number;
  readonly action: FaultAction;
}
