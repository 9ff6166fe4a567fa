/**
 * The producer's connections to the brokers: the parts of Kafka's `NetworkClient` (+ `InFlightRequests`,
 * `ClusterConnectionStates`) that the Sender uses. Per broker one connection over two links (producer→broker and
 * broker→producer, each latency + bandwidth); `isReady` = connected, previous request completely written, and fewer
 * than max.in.flight requests outstanding; responses come back in request order (the broker answers one request
 * per connection at a time). acks=0 requests leave the in-flight list when their last byte is written.
 * A request not answered within its `timeoutMs` (request.timeout.ms) closes the connection and every request in
 * flight on it fails with REQUEST_TIMED_OUT, as Kafka. A crashed broker's connection breaks at once (its
 * in-flight requests fail with NETWORK_EXCEPTION, as on a closed socket). Reconnects follow Kafka's
 * ClusterConnectionStates: reconnect.backoff.ms doubling per failed attempt up to reconnect.backoff.max.ms; a dead
 * broker refuses at once, an isolated one lets the attempt hang for socket.connection.setup.timeout.ms. Every
 * disconnect and failed attempt is reported to the handler (`onDisconnected`), in-flight requests or not: the
 * producer refreshes its metadata on it, as Kafka's DefaultMetadataUpdater.handleServerDisconnect does.
 * Left out: the initial connect (connected at start), backoff jitter, the setup timeout's own growth,
 * metadata/ApiVersions requests, socket buffers, authentication.
 */
import type { EventHandle } from '../engine/EventQueue';
import type { Simulation } from '../engine/Simulation';
import { type ChannelOwner, ClientChannel } from './ClientChannel';
import { bandwidthBytesPerMs, type CostModel } from './CostModel';
import { NetworkLink } from './NetworkLink';
import { localProduceResponse, type ProduceRequest, type ProduceResponse } from './ProduceRequest';
import type { ClusterClient, SimCluster } from './SimCluster';

export interface NetworkClientHandler {
  /** A broker response (acks ≠ 0), or one made locally when the connection closed under a request. */
  onResponse(response: ProduceResponse, nowMs: number): void;
  /** The request's last byte left the producer (acks=0 requests complete here; the link may be free again). */
  onRequestSent?(request: ProduceRequest, nowMs: number): void;
  /** A connection became usable again after a disconnect. */
  onConnectionReady?(node: number, nowMs: number): void;
  /**
   * The connection to `node` closed (broker crash, request timeout) or an attempt to reopen it failed, with or
   * without requests in flight: Kafka's processDisconnection → metadataUpdater.handleServerDisconnect, which asks
   * for a metadata refresh since the disconnect may mean the broker is gone.
   */
  onDisconnected?(node: number, nowMs: number): void;
}

export interface NetworkClientOptions {
  /** max.in.flight.requests.per.connection. */
  readonly maxInFlightRequestsPerConnection: number;
  /** reconnect.backoff.ms (Kafka default 50); the connection is usable again one connect time later. */
  readonly reconnectBackoffMs?: number;
  /** reconnect.backoff.max.ms (Kafka default 1000). */
  readonly reconnectBackoffMaxMs?: number;
  /** socket.connection.setup.timeout.ms (Kafka default 10000): how long an attempt to an isolated broker hangs. */
  readonly socketConnectionSetupTimeoutMs?: number;
  /** Name used for the links (e.g. the client.id). */
  readonly name?: string;
}

interface InFlightRequest {
  readonly request: ProduceRequest;
  readonly channel: ClientChannel;
  /** Last byte written. */
  sent: boolean;
  /** sendTimeMs + request timeout; Infinity for acks=0 (done once written). */
  readonly deadlineMs: number;
}

interface NodeConnection {
  readonly node: number;
  readonly toBroker: NetworkLink;
  readonly fromBroker: NetworkLink;
  channel: ClientChannel | null;
  /** Oldest first. */
  inFlight: InFlightRequest[];
  /** When the last request's last byte leaves the producer. */
  lastSendDoneMs: number;
  /** When a closed connection is usable again (the pending attempt's end). */
  readyAtMs: number;
  /** Failed connection attempts in a row (the reconnect backoff grows with them). */
  failedAttempts: number;
  /** The pending connection attempt, while disconnected. */
  attempt: EventHandle | null;
  /**
   * One timer per connection, armed for the earliest in-flight deadline and re-armed lazily when it fires
   * (Kafka polls handleTimedOutRequests): no timer is scheduled or cancelled per request.
   */
  timer: EventHandle | null;
}

export class NetworkClient implements ClusterClient, ChannelOwner {
  private readonly conns: NodeConnection[];
  private handler: NetworkClientHandler | null = null;
  private readonly maxInFlight: number;
  private readonly reconnectBackoffMs: number;
  private readonly reconnectBackoffMaxMs: number;
  private readonly setupTimeoutMs: number;
  private readonly unregister: () => void;
  private inFlightTotal = 0;
  requestsSent = 0;
  responsesReceived = 0;
  requestsTimedOut = 0;
  disconnects = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: SimCluster,
    private readonly cost: CostModel,
    options: NetworkClientOptions,
  ) {
    if (!(options.maxInFlightRequestsPerConnection >= 1)) {
      throw new Error('maxInFlightRequestsPerConnection must be >= 1');
    }
    this.maxInFlight = options.maxInFlightRequestsPerConnection;
    this.reconnectBackoffMs = options.reconnectBackoffMs ?? 50;
    this.reconnectBackoffMaxMs = Math.max(
      this.reconnectBackoffMs,
      options.reconnectBackoffMaxMs ?? 1000,
    );
    this.setupTimeoutMs = options.socketConnectionSetupTimeoutMs ?? 10000;
    const name = options.name ?? 'producer';
    const bw = bandwidthBytesPerMs(cost);
    this.conns = cluster.nodes.map((node) => {
      const conn: NodeConnection = {
        node,
        toBroker: new NetworkLink(name, `broker-${node}`, cost.netLatencyMs, bw),
        fromBroker: new NetworkLink(`broker-${node}`, name, cost.netLatencyMs, bw),
        channel: null,
        inFlight: [],
        lastSendDoneMs: sim.nowMs,
        readyAtMs: sim.nowMs,
        failedAttempts: 0,
        attempt: null,
        timer: null,
      };
      conn.channel = this.newChannel(conn);
      return conn;
    });
    this.unregister = cluster.addClient(this);
  }

  /** Stops listening to the cluster's broker faults (a closed producer's client). */
  close(): void {
    this.unregister();
  }

  /** @internal ClusterClient: the broker died; its socket closes under the in-flight requests. */
  brokerDown(broker: number, nowMs: number): void {
    this.disconnect(broker, nowMs);
  }

  /** @internal ClusterClient: packets flow again; a hanging connection attempt completes. */
  brokerHealed(broker: number, nowMs: number): void {
    const c = this.conns[broker];
    if (c.channel !== null || c.attempt === null) return;
    this.sim.cancel(c.attempt);
    this.scheduleAttempt(c, nowMs + 4 * this.cost.netLatencyMs);
  }

  setHandler(handler: NetworkClientHandler): void {
    this.handler = handler;
  }

  /** Connected, previous request completely written, and in-flight < max.in.flight (Kafka's isReady). */
  isReady(node: number, nowMs: number): boolean {
    const c = this.conns[node];
    return c.channel !== null && c.inFlight.length < this.maxInFlight && c.lastSendDoneMs <= nowMs;
  }

  /** True if a connection to `node` exists (it may still be busy). */
  isConnected(node: number): boolean {
    return this.conns[node].channel !== null;
  }

  /** Requests sent to `node` (or to all nodes) and not yet answered/completed. */
  inFlightRequestCount(node?: number): number {
    return node === undefined ? this.inFlightTotal : this.conns[node].inFlight.length;
  }

  /**
   * Time until something may change readiness for `node`: 0 if ready, the rest of the current write if busy
   * writing, the time to reconnect if disconnected, Infinity if only a response can help (in-flight full).
   */
  connectionDelay(node: number, nowMs: number): number {
    const c = this.conns[node];
    if (c.channel === null) return Math.max(0, c.readyAtMs - nowMs);
    if (c.lastSendDoneMs > nowMs) return c.lastSendDoneMs - nowMs;
    return c.inFlight.length < this.maxInFlight ? 0 : Number.POSITIVE_INFINITY;
  }

  /** The producer→broker link to `node` (for reports). */
  linkTo(node: number): NetworkLink {
    return this.conns[node].toBroker;
  }

  /** The broker→producer link from `node` (for reports). */
  linkFrom(node: number): NetworkLink {
    return this.conns[node].fromBroker;
  }

  /**
   * Sends `request` to `request.node`. The caller must have checked `isReady` (Kafka throws otherwise; so do we).
   */
  send(request: ProduceRequest, nowMs: number): void {
    const c = this.conns[request.node];
    if (!this.isReady(request.node, nowMs)) {
      throw new Error(
        `Attempt to send a request to node ${request.node} which is not ready (req-${request.id}).`,
      );
    }
    const channel = c.channel!;
    const deadlineMs = request.acks === 0 ? Number.POSITIVE_INFINITY : nowMs + request.timeoutMs;
    const entry: InFlightRequest = { request, channel, sent: false, deadlineMs };
    c.inFlight.push(entry);
    this.inFlightTotal++;
    this.requestsSent++;
    const arrival = c.toBroker.transmit(request.sizeInBytes, nowMs);
    const sentMs = c.toBroker.lastSendDoneMs;
    c.lastSendDoneMs = sentMs;
    this.sim.at(sentMs, () => this.requestWritten(c, entry, sentMs));
    const broker = this.cluster.broker(request.node);
    this.sim.at(arrival, () => {
      channel.deliverRequest(() => broker.handleProduceRequest(request, channel, arrival));
    });
    if (c.timer === null && deadlineMs < Number.POSITIVE_INFINITY) {
      c.timer = this.sim.at(deadlineMs, (t) => this.checkTimeouts(c, t));
    }
  }

  /** Kafka's handleTimedOutRequests for one connection: any expired request closes it. */
  private checkTimeouts(c: NodeConnection, nowMs: number): void {
    c.timer = null;
    let next = Number.POSITIVE_INFINITY;
    for (const f of c.inFlight) {
      if (f.deadlineMs <= nowMs) {
        this.requestsTimedOut++;
        this.closeConnection(c.node, 'REQUEST_TIMED_OUT', nowMs);
        return;
      }
      if (f.deadlineMs < next) next = f.deadlineMs;
    }
    if (next < Number.POSITIVE_INFINITY)
      c.timer = this.sim.at(next, (t) => this.checkTimeouts(c, t));
  }

  /** Closes the connection to `node`; every in-flight request fails with NETWORK_EXCEPTION (Kafka's disconnect). */
  disconnect(node: number, nowMs: number): void {
    if (this.conns[node].channel !== null) this.closeConnection(node, 'NETWORK_EXCEPTION', nowMs);
  }

  /** @internal */
  scheduleResponse(channel: ClientChannel, response: ProduceResponse, arrivalMs: number): void {
    this.sim.at(arrivalMs, () => this.receiveResponse(channel, response, arrivalMs));
  }

  /** @internal Closes the current channel to `node` and fails its in-flight requests with `error`. */
  closeConnection(
    node: number,
    error: 'REQUEST_TIMED_OUT' | 'NETWORK_EXCEPTION',
    nowMs: number,
  ): void {
    const c = this.conns[node];
    const channel = c.channel;
    if (channel === null) return;
    channel.open = false;
    c.channel = null;
    this.disconnects++;
    this.cluster.broker(node).channelClosed(channel.channelId);
    c.toBroker.abort(nowMs);
    c.fromBroker.abort(nowMs);
    c.lastSendDoneMs = nowMs;
    const failed = c.inFlight;
    c.inFlight = [];
    this.inFlightTotal -= failed.length;
    // Reconnect: backoff, then a TCP handshake and an ApiVersions exchange (two round trips).
    this.scheduleAttempt(c, nowMs + this.reconnectBackoffMs + 4 * this.cost.netLatencyMs);
    if (c.timer !== null) this.sim.cancel(c.timer);
    c.timer = null;
    this.handler?.onDisconnected?.(node, nowMs);
    for (const f of failed) {
      this.handler?.onResponse(localProduceResponse(f.request, error), nowMs);
    }
  }

  private scheduleAttempt(c: NodeConnection, atMs: number): void {
    c.readyAtMs = atMs;
    c.attempt = this.sim.at(atMs, (t) => this.reconnect(c, t));
  }

  /** The connection attempt ends: refused by a dead broker, timed out towards an isolated one, or connected. */
  private reconnect(c: NodeConnection, nowMs: number): void {
    c.attempt = null;
    if (c.channel !== null) return;
    const broker = this.cluster.broker(c.node);
    if (!broker.alive || broker.isolated) {
      const backoff = Math.min(
        this.reconnectBackoffMs * 2 ** c.failedAttempts,
        this.reconnectBackoffMaxMs,
      );
      c.failedAttempts++;
      // Refused at once by a dead host; towards an isolated one the next attempt hangs until its setup timeout.
      const hang = broker.alive ? this.setupTimeoutMs : 4 * this.cost.netLatencyMs;
      this.scheduleAttempt(c, nowMs + backoff + hang);
      this.handler?.onDisconnected?.(c.node, nowMs);
      return;
    }
    c.failedAttempts = 0;
    c.channel = this.newChannel(c);
    this.handler?.onConnectionReady?.(c.node, nowMs);
  }

  private newChannel(c: NodeConnection): ClientChannel {
    return new ClientChannel(
      this.cluster.allocateChannelId(),
      c.node,
      this.cluster.broker(c.node),
      c.fromBroker,
      this,
    );
  }

  private requestWritten(c: NodeConnection, entry: InFlightRequest, nowMs: number): void {
    if (!entry.channel.open) return;
    entry.sent = true;
    if (entry.request.acks === 0) {
      // NetworkClient.handleCompletedSends: no response expected, done once written.
      const i = c.inFlight.indexOf(entry);
      if (i >= 0) {
        c.inFlight.splice(i, 1);
        this.inFlightTotal--;
      }
    }
    this.handler?.onRequestSent?.(entry.request, nowMs);
  }

  private receiveResponse(channel: ClientChannel, response: ProduceResponse, nowMs: number): void {
    // Closed meanwhile, or lost on the way (isolation): the bytes never reach the Sender.
    if (!channel.acceptResponse()) return;
    const c = this.conns[response.node];
    const head = c.inFlight[0];
    if (head === undefined || head.request.id !== response.requestId) {
      throw new Error(
        `Correlation id mismatch from node ${response.node}: got req-${response.requestId}, ` +
          `expected ${head === undefined ? 'none' : `req-${head.request.id}`}`,
      );
    }
    c.inFlight.shift();
    this.inFlightTotal--;
    this.responsesReceived++;
    this.handler?.onResponse(response, nowMs);
  }
}
