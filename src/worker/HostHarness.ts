/**
 * Test support (imported by tests only): a SimulationHost and the page's connection joined by a real
 * MessageChannel, with a FakeHostClock for wall time and hand-cranked animation frames. Records every reply as the
 * port received it (`raw`) and as subscribers got it (`delivered`, after coalescing). The connection factory is
 * passed in (client/createEndpointConnection), because the worker room does not import the client.
 */
import type { RunSnapshot } from '../model/run/RunSnapshot';
import type {
  Endpoint,
  HostCommand,
  HostReply,
  SimulationConnection,
  Speed,
} from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { FakeHostClock } from './FakeHostClock';
import { SimulationHost } from './SimulationHost';

export type SnapshotReply = Extract<HostReply, { type: 'snapshot' }>;

export type ConnectionFactory = (
  endpoint: Endpoint,
  requestFrame: (callback: () => void) => void,
) => SimulationConnection;

export const isSnapshot = (r: HostReply): r is SnapshotReply => r.type === 'snapshot';

export class HostHarness {
  readonly clock = new FakeHostClock();
  readonly raw: HostReply[] = [];
  readonly delivered: HostReply[] = [];
  /** Run animation frames while waiting (off: the test cranks them with runFrames()). */
  autoFrames = true;
  private readonly channel = new MessageChannel();
  private readonly frames: (() => void)[] = [];
  readonly host: SimulationHost;
  readonly connection: SimulationConnection;

  constructor(connect: ConnectionFactory) {
    const { port1, port2 } = this.channel;
    this.host = new SimulationHost({ endpoint: port1 as unknown as Endpoint, clock: this.clock });
    this.connection = connect(port2 as unknown as Endpoint, (cb) => {
      this.frames.push(cb);
    });
    port2.addEventListener('message', (e) => this.raw.push(e.data as HostReply));
    this.connection.subscribe((r) => this.delivered.push(r));
    port1.start();
    port2.start();
  }

  send(command: HostCommand): void {
    this.connection.send(command);
  }

  /** Runs the animation frames requested so far; returns how many. */
  runFrames(): number {
    const due = this.frames.splice(0);
    for (const f of due) f();
    return due.length;
  }

  /** Waits (on the real event loop, up to 10 s: the first init loads the zstd wasm) until `find` gives a value. */
  async until<T>(find: () => T | undefined, what: string): Promise<T> {
    const giveUpAt = performance.now() + 10_000;
    while (performance.now() < giveUpAt) {
      if (this.autoFrames) this.runFrames();
      const found = find();
      if (found !== undefined) return found;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /**
   * Sends `command` and waits for the first raw reply after it that `match` accepts. Replies already on their way
   * (snapshots of ticks that ran before) are let in first, so they are not taken for the answer.
   */
  async request<R extends HostReply = HostReply>(
    command: HostCommand,
    match: (r: HostReply) => r is R,
  ): Promise<R> {
    await this.settle();
    const from = this.raw.length;
    this.send(command);
    return this.until(() => this.raw.slice(from).find(match), `a reply to ${command.type}`);
  }

  /** Sends `command` and waits for the snapshot it causes. */
  async snapshotAfter(command: HostCommand): Promise<SnapshotReply> {
    return this.request(command, isSnapshot);
  }

  async init(query = '', speed: Speed = 1000): Promise<RunSnapshot> {
    const reply = await this.snapshotAfter({
      type: 'init',
      version: PROTOCOL_VERSION,
      query,
      speed,
    });
    return reply.snapshot;
  }

  /**
   * Moves fake wall time on by `ms` (running the host's ticks due) in steps of `stepMs`, letting replies arrive
   * and frames run between steps, as a page keeping up would (its snapshotApplied answers pace the host).
   */
  async advance(ms: number, stepMs = 4): Promise<void> {
    for (let done = 0; done < ms; done += stepMs) {
      this.clock.advance(Math.min(stepMs, ms - done));
      await this.settle(3);
    }
    await this.settle();
  }

  /** Lets messages in flight arrive (a few turns of the event loop). */
  async settle(turns = 20): Promise<void> {
    for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
    if (this.autoFrames) this.runFrames();
  }

  rawSnapshots(): SnapshotReply[] {
    return this.raw.filter(isSnapshot);
  }

  lastSnapshot(): SnapshotReply {
    const all = this.rawSnapshots();
    const last = all[all.length - 1];
    if (last === undefined) throw new Error('no snapshot yet');
    return last;
  }

  close(): void {
    this.host.dispose();
    this.connection.dispose();
    this.channel.port1.close();
    this.channel.port2.close();
  }
}
