// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Pacer, TICK_BUDGET_MS } from './Pacer';

describe('Pacer', () => {
  it('targets sim time = anchor + wall elapsed × speed / 1000, from the last rebase', () => {
    const p = new Pacer();
    p.rebase(100, 40);
    expect(p.targetSimMs(100, 1000)).toBe(40);
    expect(p.targetSimMs(600, 1000)).toBe(540);
    expect(p.targetSimMs(600, 2)).toBe(41);
    p.rebase(600, 45);
    expect(p.targetSimMs(700, 1000)).toBe(145);
  });

  it('behind, keeps at most one tick budget of lag and forgets the rest', () => {
    const p = new Pacer();
    p.rebase(0, 0);
    // Asked for 1000 at wall 1000, the run only reached 300.
    p.fallBehind(1000, 300, 1000);
    expect(p.targetSimMs(1000, 1000)).toBe(300 + TICK_BUDGET_MS);
    expect(p.targetSimMs(1100, 1000)).toBe(400 + TICK_BUDGET_MS);
  });
});
