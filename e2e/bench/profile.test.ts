// @vitest-environment node
/** The CPU profile summary: self time per function, idle left out. */
import { expect, test } from 'vitest';
import { type CpuProfile, summarizeProfile } from './profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});

test('self time is summed per function and shared over the non-idle samples', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('drawMarks', 'http://x/assets/index.js?v=1', 41) },
      { id: 4, callFrame: frame('', 'http://x/assets/index.js', 9) },
    ],
    samples: [3, 3, 2, 4, 3],
    timeDeltas: [0, 1000, 1000, 5000, 1000],
  };
  const lines = summarizeProfile(profile, 10);
  expect(lines.map((l) => l.where)).toEqual(['drawMarks index.js:42', '(anonymous) index.js:10']);
  // Each sample stands for the time until the next: drawMarks 1000 + 0 (last sample) + 1000; anonymous 1000.
  expect(lines[0].selfMs).toBeCloseTo(2, 6);
  expect(lines[0].share).toBeCloseTo(2 / 3, 6);
  expect(summarizeProfile(profile, 1)).toHaveLength(1);
});
