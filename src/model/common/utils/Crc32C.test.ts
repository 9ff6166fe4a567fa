// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { crc32c } from './Crc32C';

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** Bit-by-bit CRC-32C, the textbook definition the table version must agree with. */
function slowCrc32c(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('Crc32C', () => {
  it('gives the CRC-32C check value for "123456789"', () => {
    expect(crc32c(ascii('123456789'))).toBe(0xe3069283);
  });

  it('gives Kafka Crc32CTest value and other known vectors', () => {
    // Kafka's Crc32CTest.testValue.
    expect(crc32c(ascii('Some String'))).toBe(608512271);
    expect(crc32c(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x22620404);
    expect(crc32c(new Uint8Array(0))).toBe(0);
  });

  it('checksums a sub-range (offset, length) like Crc32C.compute(bytes, offset, size)', () => {
    const bytes = ascii('xx123456789yy');
    expect(crc32c(bytes, 2, 9)).toBe(0xe3069283);
    expect(crc32c(bytes, 2)).toBe(crc32c(ascii('123456789yy')));
  });

  it('agrees with the bit-by-bit definition for every length 0..40 and unaligned offsets', () => {
    const data = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff);
    for (let off = 0; off < 4; off++) {
      for (let len = 0; len <= 40; len++) {
        expect(crc32c(data, off, len)).toBe(slowCrc32c(data.subarray(off, off + len)));
      }
    }
  });
});
