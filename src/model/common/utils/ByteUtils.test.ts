// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  sizeOfUnsignedVarint,
  sizeOfVarint,
  sizeOfVarlong,
  utf8Length,
  writeUnsignedVarint,
  writeUtf8,
  writeVarint,
  writeVarlong,
} from './ByteUtils';

function encode(write: (v: number, out: Uint8Array, off: number) => number, v: number): number[] {
  const buf = new Uint8Array(16);
  const end = write(v, buf, 0);
  return Array.from(buf.subarray(0, end));
}

// Vectors from Kafka's ByteUtilsTest (testVarintSerde / testVarlongSerde / testUnsignedVarintSerde).
const VARINT: [number, number[]][] = [
  [0, [0x00]],
  [-1, [0x01]],
  [1, [0x02]],
  [63, [0x7e]],
  [-64, [0x7f]],
  [64, [0x80, 0x01]],
  [-65, [0x81, 0x01]],
  [8191, [0xfe, 0x7f]],
  [-8192, [0xff, 0x7f]],
  [8192, [0x80, 0x80, 0x01]],
  [-8193, [0x81, 0x80, 0x01]],
  [1048575, [0xfe, 0xff, 0x7f]],
  [-1048576, [0xff, 0xff, 0x7f]],
  [1048576, [0x80, 0x80, 0x80, 0x01]],
  [-1048577, [0x81, 0x80, 0x80, 0x01]],
  [134217727, [0xfe, 0xff, 0xff, 0x7f]],
  [-134217728, [0xff, 0xff, 0xff, 0x7f]],
  [134217728, [0x80, 0x80, 0x80, 0x80, 0x01]],
  [-134217729, [0x81, 0x80, 0x80, 0x80, 0x01]],
  [2147483647, [0xfe, 0xff, 0xff, 0xff, 0x0f]],
  [-2147483648, [0xff, 0xff, 0xff, 0xff, 0x0f]],
];

// Varlong-only vectors within the exactly representable range (|v| ≤ 2^52).
const VARLONG: [number, number[]][] = [
  [17179869183, [0xfe, 0xff, 0xff, 0xff, 0x7f]],
  [-17179869184, [0xff, 0xff, 0xff, 0xff, 0x7f]],
  [17179869184, [0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
  [-17179869185, [0x81, 0x80, 0x80, 0x80, 0x80, 0x01]],
  [2199023255551, [0xfe, 0xff, 0xff, 0xff, 0xff, 0x7f]],
  [-2199023255552, [0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]],
  [2199023255552, [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
  [-2199023255553, [0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
  [281474976710655, [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]],
  [-281474976710656, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]],
  [281474976710656, [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
  [-281474976710657, [0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
];

const UNSIGNED: [number, number[]][] = [
  [0, [0x00]],
  [-1, [0xff, 0xff, 0xff, 0xff, 0x0f]],
  [1, [0x01]],
  [63, [0x3f]],
  [-64, [0xc0, 0xff, 0xff, 0xff, 0x0f]],
  [64, [0x40]],
  [8191, [0xff, 0x3f]],
  [-8192, [0x80, 0xc0, 0xff, 0xff, 0x0f]],
  [8192, [0x80, 0x40]],
  [-8193, [0xff, 0xbf, 0xff, 0xff, 0x0f]],
  [1048575, [0xff, 0xff, 0x3f]],
  [1048576, [0x80, 0x80, 0x40]],
  [2147483647, [0xff, 0xff, 0xff, 0xff, 0x07]],
  [-2147483648, [0x80, 0x80, 0x80, 0x80, 0x08]],
];

describe('ByteUtils', () => {
  it('writes zigzag varints as Kafka does, and sizeOfVarint matches', () => {
    for (const [v, bytes] of VARINT) {
      expect(encode(writeVarint, v), `varint ${v}`).toEqual(bytes);
      expect(sizeOfVarint(v), `size ${v}`).toBe(bytes.length);
    }
  });

  it('writes varlongs as Kafka does (int range and beyond), and sizeOfVarlong matches', () => {
    for (const [v, bytes] of [...VARINT, ...VARLONG]) {
      expect(encode(writeVarlong, v), `varlong ${v}`).toEqual(bytes);
      expect(sizeOfVarlong(v), `size ${v}`).toBe(bytes.length);
    }
  });

  it('writes unsigned varints as Kafka does, and sizeOfUnsignedVarint matches', () => {
    for (const [v, bytes] of UNSIGNED) {
      expect(encode(writeUnsignedVarint, v), `uvarint ${v}`).toEqual(bytes);
      expect(sizeOfUnsignedVarint(v), `size ${v}`).toBe(bytes.length);
    }
  });

  it('sizes boundary values as reference §3b: 1 byte 0..63, 2 to 8191, 3 to 1048575, 4 to 134217727', () => {
    const expectations: [number, number][] = [
      [0, 1],
      [63, 1],
      [64, 2],
      [8191, 2],
      [8192, 3],
      [1048575, 3],
      [1048576, 4],
      [134217727, 4],
      [134217728, 5],
      [-1, 1],
      [-64, 1],
      [-65, 2],
    ];
    for (const [v, size] of expectations) expect(sizeOfVarint(v), `${v}`).toBe(size);
  });

  it('sizeOfVarint agrees with the bytes written over a sweep (Kafka testSizeOfVarint)', () => {
    const buf = new Uint8Array(10);
    for (let v = -70000; v <= 70000; v += 7) expect(sizeOfVarint(v)).toBe(writeVarint(v, buf, 0));
    for (let shift = 0; shift < 31; shift++) {
      for (const v of [2 ** shift, 2 ** shift - 1, -(2 ** shift), -(2 ** shift) - 1]) {
        expect(sizeOfVarint(v), `${v}`).toBe(writeVarint(v, buf, 0));
      }
    }
  });

  it('sizeOfVarlong agrees with the bytes written for powers of two up to 2^52', () => {
    const buf = new Uint8Array(10);
    for (let shift = 0; shift <= 52; shift++) {
      for (const v of [2 ** shift, 2 ** shift - 1, -(2 ** shift), -(2 ** shift) - 1]) {
        expect(sizeOfVarlong(v), `${v}`).toBe(writeVarlong(v, buf, 0));
      }
    }
    // 2^52 zigzags to 2^53: eight 7-bit groups hold 56 bits, so 8 bytes.
    expect(sizeOfVarlong(2 ** 52)).toBe(8);
  });

  it('writes at an offset and returns the end offset', () => {
    const buf = new Uint8Array(8).fill(0xee);
    expect(writeVarint(300, buf, 3)).toBe(5);
    expect(Array.from(buf)).toEqual([0xee, 0xee, 0xee, 0xd8, 0x04, 0xee, 0xee, 0xee]);
  });

  it('utf8Length counts bytes like Utils.utf8Length and writeUtf8 writes them', () => {
    const cases: [string, number[]][] = [
      ['', []],
      ['a', [0x61]],
      ['é', [0xc3, 0xa9]],
      ['€', [0xe2, 0x82, 0xac]],
      ['😀', [0xf0, 0x9f, 0x98, 0x80]],
      ['trace-id', [0x74, 0x72, 0x61, 0x63, 0x65, 0x2d, 0x69, 0x64]],
    ];
    for (const [s, bytes] of cases) {
      expect(utf8Length(s), s).toBe(bytes.length);
      const buf = new Uint8Array(bytes.length + 2);
      expect(writeUtf8(s, buf, 1)).toBe(bytes.length + 1);
      expect(Array.from(buf.subarray(1, 1 + bytes.length))).toEqual(bytes);
    }
  });
});
