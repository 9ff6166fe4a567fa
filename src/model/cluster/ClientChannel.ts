/**
 * One physical producer→broker connection as both ends see it: the broker answers on it, the client reads from it.
 * Mirrors the role of Kafka's KafkaChannel (one socket). Faults make a direction "lost": bytes sent that way vanish
 * (an isolated broker, dropped responses) while both ends still believe the connection is up, until the client's
 * request timeout closes it. Simulation-only detail of NetworkClient; left out: TCP retransmission after a heal
 * (a direction that lost bytes stays dead), half-closed sockets.
 */
import type { NetworkLink } from './NetworkLink';
import type { ProduceResponse } from './ProduceRequest';
import type { BrokerChannel, SimBroker } from './SimBroker';

/** The client side a channel reports to. */
export interface ChannelOwner {
  scheduleResponse(channel: ClientChannel, response: ProduceResponse, arrivalMs: number): void;
  closeConnection(
    node: number,
    error: 'REQUEST_TIMED_OUT' | 'NETWORK_EXCEPTION',
    nowMs: number,
  ): void;
}

export class ClientChannel implements BrokerChannel {
  open = true;
  /** Requests sent on it no longer reach the broker. */
  requestsLost = false;
  /** Responses sent on it no longer reach the client. */
  responsesLost = false;

  constructor(
    readonly channelId: number,
    readonly node: number,
    private readonly broker: SimBroker,
    private readonly fromBroker: NetworkLink,
    private readonly owner: ChannelOwner,
  ) {}

  sendResponse(response: ProduceResponse, nowMs: number): number {
    if (!this.open) return nowMs;
    if (this.responsesLost || this.broker.isolated) {
      this.responsesLost = true;
      return nowMs;
    }
    const arrival = this.fromBroker.transmit(response.sizeInBytes, nowMs);
    this.owner.scheduleResponse(this, response, arrival);
    return this.fromBroker.lastSendDoneMs;
  }

  closeFromBroker(nowMs: number): void {
    // The client notices the closed socket right away in this model.
    if (this.open) this.owner.closeConnection(this.node, 'NETWORK_EXCEPTION', nowMs);
  }

  loseResponses(): void {
    this.responsesLost = true;
  }

  /** A request's last byte arrives at the broker: delivered unless the way there is cut. */
  deliverRequest(deliver: () => void): void {
    if (!this.open) return;
    if (this.requestsLost || this.broker.isolated) {
      this.requestsLost = true;
      return;
    }
    deliver();
  }

  /** A response arrives at the client: false if it was lost on the way (isolation). */
  acceptResponse(): boolean {
    if (!this.open || this.responsesLost) return false;
    if (this.broker.isolated) {
      this.responsesLost = true;
      return false;
    }
    return true;
  }
}
