// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { RunEventLog } from './RunEventLog';

describe('RunEventLog', () => {
  it('keeps the newest events up to its capacity, oldest first, with seq increasing over the run', () => {
    const log = new RunEventLog(3);
    for (let i = 0; i < 5; i++) log.add(i * 10, 'info', `e${i}`);
    expect(log.toArray()).toEqual([
      { seq: 2, atMs: 20, kind: 'info', text: 'e2' },
      { seq: 3, atMs: 30, kind: 'info', text: 'e3' },
      { seq: 4, atMs: 40, kind: 'info', text: 'e4' },
    ]);
    expect(log.total).toBe(5);
  });

  it('returns a fresh array each time', () => {
    const log = new RunEventLog(2);
    log.add(0, 'fault', 'a');
    const first = log.toArray();
    log.add(1, 'fault', 'b');
    expect(first).toHaveLength(1);
    expect(log.toArray()).toHaveLength(2);
  });

  it('with capacity 0 keeps nothing but still counts', () => {
    const log = new RunEventLog(0);
    log.add(0, 'warning', 'w');
    expect(log.toArray()).toEqual([]);
    expect(log.total).toBe(1);
  });
});
