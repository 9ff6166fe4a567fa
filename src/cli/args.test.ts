// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('reads every flag, with a space or =', () => {
    const { args, errors } = parseArgs([
      '--scenario',
      '?linger.ms=20&acks=all',
      '--duration=5000',
      '--json',
      '--stdin',
      '--preset',
      'high-throughput',
    ]);
    expect(errors).toEqual([]);
    expect(args).toMatchObject({
      scenario: 'linger.ms=20&acks=all',
      durationMs: 5000,
      json: true,
      stdin: true,
      preset: 'high-throughput',
    });
  });

  it('names the flag for each problem and never throws', () => {
    const { errors } = parseArgs(['--duration', 'abc', '--bogus', '--scenario']);
    expect(errors).toEqual([
      "--duration: invalid value 'abc': must be a number of ms in (0, 3600000]",
      "unknown option '--bogus' (see --help)",
      '--scenario needs a value',
    ]);
  });
});
