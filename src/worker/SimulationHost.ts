/**
 * The worker's brain: owns one ProducerRun (and its SnapshotBuilder), answers the page's HostCommands
 * (protocol/messages.ts) and replies with snapshots; PlayLoop paces simulated time against wall time while playing.
 * Written against an Endpoint and an injected wall clock/scheduler, so tests drive it in Node over a MessageChannel
 * with fake time; simulation.worker.ts wires it to the worker global. Commands are handled one at a time, in order,
 * even while `init` waits for the compression codecs.
 */
import { initCompression, type ZstdWasmSource } from '../model/common/compress/Compression';
import { formatFaultAction, parseFaultAction } from '../model/faults/FaultSyntax';
import type { InspectTarget } from '../model/run/Inspection';
import {
  type Endpoint,
  type HostCommand,
  type HostReply,
  PROTOCOL_VERSION,
  type Speed,
} from '../protocol/messages';
import { type BuiltRun, buildRun, buildScenario } from './buildRun';
import { type HostClock, PlayLoop } from './PlayLoop';
import { readCommand } from './readCommand';

export type { HostClock } from './PlayLoop';

export interface SimulationHostOptions {
  readonly endpoint: Endpoint;
  readonly clock: HostClock;
  /** Where the zstd wasm is (the browser build); Node finds it by itself. */
  readonly compressionWasm?: ZstdWasmSource;
  /** Passed to SnapshotBuilder: how many record marks a snapshot may carry before it samples. */
  readonly markBudget?: number;
}

/** Speed before the page says otherwise: real time. */
const DEFAULT_SPEED: Speed = 1000;
const RESTART_NOTICE = ' — the run restarted from 0 ms (same seed)';

export class SimulationHost {
  private readonly endpoint: Endpoint;
  private readonly clock: HostClock;
  private readonly loop: PlayLoop;
  private current: BuiltRun | null = null;
  private seq = 0;
  private readySent = false;
  private compressionLoaded = false;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  /** What the inspectors look at; kept across run restarts (same seed, same ids). */
  private selected: InspectTarget | null = null;

  constructor(private readonly options: SimulationHostOptions) {
    this.endpoint = options.endpoint;
    this.clock = options.clock;
    this.loop = new PlayLoop(
      this.clock,
      {
        currentRun: () => this.current?.run ?? null,
        sendSnapshot: () => this.sendSnapshot(),
        crash: (e) => this.crash(e),
      },
      DEFAULT_SPEED,
    );
    this.endpoint.addEventListener('message', this.onMessage);
  }

  /** Stops listening and ticking (the run is dropped). */
  dispose(): void {
    this.disposed = true;
    this.loop.pause();
    this.current = null;
    this.endpoint.removeEventListener('message', this.onMessage);
  }

  private readonly onMessage = (event: MessageEvent): void => {
    const data: unknown = event.data;
    this.queue = this.queue.then(() => this.handle(data)).catch((e: unknown) => this.crash(e));
  };

  private async handle(data: unknown): Promise<void> {
    if (this.disposed) return;
    const read = readCommand(data);
    if (!read.ok) {
      this.refuse(read.message);
      return;
    }
    const command: HostCommand = read.command;
    switch (command.type) {
      case 'init':
        return this.init(command.version, command.query, command.speed);
      case 'load':
        this.load(command.query, `${command.reason}${RESTART_NOTICE}`, true);
        return;
      case 'play':
        return this.play();
      case 'pause':
        this.loop.pause();
        this.sendSnapshot();
        return;
      case 'setSpeed':
        this.loop.setSpeed(command.speed);
        this.sendSnapshot();
        return;
      case 'reset':
        return this.reset();
      case 'step':
        return this.step();
      case 'fault':
        return this.fault(command.fault);
      case 'snapshotApplied':
        this.loop.snapshotApplied();
        return;
      case 'select':
        this.selected = command.target;
        this.current?.builder.select(command.target);
        this.sendSnapshot();
        return;
      default: {
        const unreachable: never = command;
        this.refuse(`Unhandled command ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private async init(version: number, query: string, speed: Speed): Promise<void> {
    if (version !== PROTOCOL_VERSION) {
      this.post({
        type: 'error',
        message:
          `Protocol version mismatch: the page speaks version ${version}, this worker version ` +
          `${PROTOCOL_VERSION}. Reload the page.`,
        fatal: true,
      });
      return;
    }
    this.loop.setSpeed(speed);
    if (!this.compressionLoaded) {
      await initCompression(this.options.compressionWasm);
      this.compressionLoaded = true;
    }
    if (!this.readySent) {
      this.readySent = true;
      this.post({ type: 'ready', version: PROTOCOL_VERSION });
    }
    // The page opens whatever URL it was given: the decoder's corrections run, and are listed in `loaded`.
    this.load(query, null, false);
  }

  /** Replaces the run with one built from `query`; on failure the old run (if any) goes on untouched. */
  private load(query: string, notice: string | null, strict: boolean): void {
    const result = buildRun(query, { strict, markBudget: this.options.markBudget });
    if (!result.ok) {
      this.refuseConfig(result.message);
      return;
    }
    this.start(result.built);
    this.post({
      type: 'loaded',
      query: result.built.query,
      problems: result.built.problems,
      notice,
    });
    this.sendSnapshot();
  }

  private play(): void {
    const current = this.requireRun('play');
    if (current === null) return;
    this.loop.play();
    this.sendSnapshot();
  }

  private reset(): void {
    const current = this.requireRun('reset');
    if (current === null) return;
    const result = buildScenario(current.scenario, current.problems, this.options.markBudget);
    if (!result.ok) {
      this.refuseConfig(result.message);
      return;
    }
    this.start(result.built);
    this.sendSnapshot();
  }

  private step(): void {
    const current = this.requireRun('step');
    if (current === null) return;
    this.loop.pause();
    current.run.stepEvent();
    this.sendSnapshot();
  }

  /**
   * A fault command, made exactly reproducible: it joins the scenario's timeline at the next whole simulated ms,
   * and the run is rebuilt from that scenario and replayed to that time (deterministic, so it is the same run up
   * to the fault). A link with the new `fault=` key therefore opens the very same run; applying the fault to the
   * live run instead would order it differently among the events due at that instant.
   */
  private fault(text: string): void {
    const current = this.requireRun('fault');
    if (current === null) return;
    const { brokers, partitions } = current.run.spec.cluster;
    const parsed = parseFaultAction(text, { brokers, partitions });
    if (!parsed.ok) {
      this.refuse(`Fault ${JSON.stringify(text)} not applied: ${parsed.reason}`);
      return;
    }
    const atMs = Math.ceil(current.run.nowMs);
    const scenario = {
      ...current.scenario,
      faults: [...current.scenario.faults, { atMs, action: parsed.value }],
    };
    const result = buildScenario(scenario, current.problems, this.options.markBudget);
    if (!result.ok) {
      this.refuseConfig(result.message);
      return;
    }
    result.built.run.advanceTo(atMs);
    this.start(result.built);
    this.post({ type: 'faultApplied', atMs, fault: formatFaultAction(parsed.value) });
    this.sendSnapshot();
  }

  /** Makes `built` the current run, keeping the play state and speed. */
  private start(built: BuiltRun): void {
    built.builder.select(this.selected);
    this.current = built;
    this.loop.runReplaced();
  }

  private sendSnapshot(): void {
    if (this.current === null) return;
    const startedMs = this.clock.nowMs();
    const snapshot = this.current.builder.build();
    this.seq++;
    const reply: HostReply = {
      type: 'snapshot',
      seq: this.seq,
      playing: this.loop.playing,
      speed: this.loop.speed,
      snapshot,
    };
    // The marks are a fresh copy per snapshot: hand the buffer over instead of cloning it.
    this.post(reply, [snapshot.marks.data.buffer as ArrayBuffer]);
    this.loop.snapshotSent(startedMs);
  }

  private requireRun(command: string): BuiltRun | null {
    if (this.current === null) {
      this.refuse(`Cannot ${command}: no run exists (load a configuration Kafka accepts first)`);
    }
    return this.current;
  }

  private refuseConfig(message: string): void {
    const tail =
      this.current === null
        ? 'No run exists until a configuration Kafka accepts is loaded.'
        : 'The previous run goes on unchanged.';
    this.refuse(`The configuration was not applied:\n${message}\n${tail}`);
  }

  private refuse(message: string): void {
    this.post({ type: 'error', message, fatal: false });
  }

  /** Anything thrown while running the model: the run cannot go on; the page offers a restart. */
  private crash(e: unknown): void {
    this.loop.pause();
    this.current = null;
    const message = e instanceof Error ? e.message : String(e);
    const frame = e instanceof Error ? firstFrame(e.stack) : null;
    this.post({
      type: 'error',
      message: `The simulation stopped: ${message}${frame === null ? '' : ` (${frame})`}`,
      fatal: true,
    });
  }

  private post(reply: HostReply, transfer?: Transferable[]): void {
    if (this.disposed) return;
    if (transfer === undefined) this.endpoint.postMessage(reply);
    else this.endpoint.postMessage(reply, transfer);
  }
}

/** The first `at …` line of a stack: where the error was thrown. */
function firstFrame(stack: string | undefined): string | null {
  if (stack === undefined) return null;
  const line = stack.split('\n').find((l) => l.trim().startsWith('at '));
  return line === undefined ? null : line.trim();
}
