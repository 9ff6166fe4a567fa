/**
 * One direction of a network link: fixed one-way latency plus a bandwidth over which messages are serialised FIFO
 * (a message of S bytes occupies the link for S / bandwidth ms, starting when the previous one has left).
 * Simulation-only (stands in for the TCP connection and the NIC). Left out: packet loss, TCP windows and slow start,
 * socket buffers (a message counts as "written" when its last byte has left), jitter.
 * The link keeps no queue of messages: it only remembers when it becomes free, so callers compute arrival times
 * and schedule their own events.
 */
export class NetworkLink {
  /** Simulated ms at which the last queued byte leaves the sender. */
  private busyUntil = 0;
  /** Total bytes accepted for sending. */
  bytesSent = 0;
  /** Number of messages accepted for sending. */
  messagesSent = 0;
  /** Total ms the link spent transmitting. */
  busyMs = 0;
  /** Result of the last `transmit`: when its last byte left the sender. */
  lastSendDoneMs = 0;

  /**
   * @param latencyMs one-way latency, ms
   * @param bytesPerMs bandwidth, bytes per ms (> 0)
   */
  constructor(
    readonly from: string,
    readonly to: string,
    readonly latencyMs: number,
    readonly bytesPerMs: number,
  ) {
    if (!(bytesPerMs > 0)) throw new Error(`NetworkLink ${from}->${to}: bandwidth must be > 0`);
  }

  /** Simulated ms at which the link is free again (≤ now means idle). */
  get busyUntilMs(): number {
    return this.busyUntil;
  }

  /** True if nothing is being transmitted at `nowMs`. */
  isIdle(nowMs: number): boolean {
    return this.busyUntil <= nowMs;
  }

  /**
   * Queues `sizeInBytes` for sending at `nowMs`. Returns the arrival time of the last byte at the receiver;
   * `lastSendDoneMs` then holds the time the last byte left the sender.
   */
  transmit(sizeInBytes: number, nowMs: number): number {
    const start = Math.max(this.busyUntil, nowMs);
    const duration = sizeInBytes / this.bytesPerMs;
    const done = start + duration;
    this.busyUntil = done;
    this.lastSendDoneMs = done;
    this.bytesSent += sizeInBytes;
    this.messagesSent++;
    this.busyMs += duration;
    return done + this.latencyMs;
  }

  /**
   * Drops whatever has not left the sender yet (the connection was closed). Bytes already on the wire still
   * arrive; receivers discard them because the channel is closed.
   */
  abort(nowMs: number): void {
    if (this.busyUntil > nowMs) {
      this.busyMs -= this.busyUntil - nowMs;
      this.busyUntil = nowMs;
    }
  }
}
