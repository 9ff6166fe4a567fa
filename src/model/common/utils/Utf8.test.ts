// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from './Utf8';

describe('Utf8', () => {
  it('encodes like TextEncoder and decodes back', () => {
    for (const s of ['', 'user-123', 'héllo', '日本語', 'emoji 🚀 ok', 'a\u0000b']) {
      const bytes = encodeUtf8(s);
      expect(Array.from(bytes)).toEqual(Array.from(new TextEncoder().encode(s)));
      expect(decodeUtf8(bytes)).toBe(s);
    }
  });

  it('replaces malformed bytes with U+FFFD', () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0xff, 0x62]))).toBe('a\ufffdb');
    expect(decodeUtf8(new Uint8Array([0xe6, 0x97]))).toBe('\ufffd\ufffd');
  });
});
