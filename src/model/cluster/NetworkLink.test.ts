// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NetworkLink } from './NetworkLink';

describe('NetworkLink', () => {
  it('delivers a message after its transmission time plus the one-way latency', () => {
    const link = new NetworkLink('a', 'b', 0.25, 125_000); // 1 Gbit/s
    expect(link.transmit(125_000, 10)).toBeCloseTo(10 + 1 + 0.25, 12);
    expect(link.lastSendDoneMs).toBeCloseTo(11, 12);
    expect(link.isIdle(10.5)).toBe(false);
    expect(link.isIdle(11)).toBe(true);
  });

  it('serialises messages FIFO: a second message waits for the first to leave', () => {
    const link = new NetworkLink('a', 'b', 1, 1000); // 1000 bytes/ms
    expect(link.transmit(2000, 0)).toBe(3); // leaves at 2, arrives at 3
    expect(link.transmit(500, 1)).toBe(3.5); // starts at 2, leaves at 2.5
    expect(link.transmit(100, 10)).toBe(11.1); // idle link again
    expect(link.bytesSent).toBe(2600);
    expect(link.messagesSent).toBe(3);
    expect(link.busyMs).toBeCloseTo(2.6, 12);
  });

  it('abort drops what has not left yet', () => {
    const link = new NetworkLink('a', 'b', 0, 1000);
    link.transmit(5000, 0);
    link.abort(2);
    expect(link.busyUntilMs).toBe(2);
    expect(link.busyMs).toBe(2);
    expect(link.transmit(1000, 2)).toBe(3);
  });

  it('rejects a zero bandwidth', () => {
    expect(() => new NetworkLink('a', 'b', 0, 0)).toThrow(/bandwidth/);
  });
});
