// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { initZstd, isZstdReady, zstdCompress, zstdDecompress } from './ZstdCodec';

describe('ZstdCodec', () => {
  it('throws a clear error before init, loads once, then works synchronously', async () => {
    expect(isZstdReady()).toBe(false);
    expect(() => zstdCompress(new Uint8Array(10), 3)).toThrow(
      'zstd is not initialised: await initCompression() before compressing with zstd',
    );
    const first = initZstd();
    expect(initZstd()).toBe(first);
    await first;
    expect(isZstdReady()).toBe(true);
    const data = new Uint8Array(4096).fill(42);
    const c = zstdCompress(data, 3);
    expect(c.length).toBeLessThan(100);
    expect(zstdDecompress(c)).toEqual(data);
  });
});
