// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Header } from '../../clients/producer/internals/RecordState';
import { Random } from '../../engine/Random';
import {
  MAX_RECORD_OVERHEAD,
  recordSizeUpperBound,
  sizeInBytes,
  sizeInBytesOfSizes,
  writeTo,
} from './DefaultRecord';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Minimal reader of what writeTo wrote, to check field order and values. */
function readRecord(bytes: Uint8Array) {
  let pos = 0;
  const varlong = () => {
    let raw = 0;
    let mul = 1;
    for (;;) {
      const b = bytes[pos++];
      raw += (b & 0x7f) * mul;
      mul *= 128;
      if ((b & 0x80) === 0) break;
    }
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  };
  const field = () => {
    const len = varlong();
    if (len < 0) return null;
    const v = bytes.slice(pos, pos + len);
    pos += len;
    return v;
  };
  const bodyLen = varlong();
  const bodyStart = pos;
  const attributes = bytes[pos++];
  const timestampDelta = varlong();
  const offsetDelta = varlong();
  const key = field();
  const value = field();
  const headerCount = varlong();
  const headers: { key: string; value: Uint8Array | null }[] = [];
  for (let i = 0; i < headerCount; i++) {
    const k = field();
    headers.push({ key: String.fromCharCode(...(k ?? [])), value: field() });
  }
  return {
    bodyLen,
    bodyRead: pos - bodyStart,
    total: pos,
    attributes,
    timestampDelta,
    offsetDelta,
    key,
    value,
    headers,
  };
}

describe('DefaultRecord', () => {
  it('sizes a simple record exactly: key "key", 100-byte value, no headers → 112 bytes', () => {
    // body = attributes 1 + offsetDelta 1 + timestampDelta 1 + key (1 + 3) + value (2 + 100) + header count 1
    // = 110, whose varint takes 2 bytes (≥ 64).
    expect(sizeInBytes(0, 0, ascii('key'), new Uint8Array(100), [])).toBe(112);
  });

  it('charges 1 byte for a null key, value and header value (varint −1)', () => {
    expect(sizeInBytes(0, 0, null, null, [])).toBe(1 + 6);
    const withNullHeader: Header[] = [{ key: 'k', value: null }];
    expect(sizeInBytes(0, 0, null, null, withNullHeader)).toBe(1 + 6 + 2 + 1);
  });

  it('counts varint widths of offset and timestamp deltas (1 byte only below 64)', () => {
    const base = sizeInBytes(0, 0, null, ascii('v'), []);
    expect(sizeInBytes(63, 63, null, ascii('v'), [])).toBe(base);
    expect(sizeInBytes(64, 0, null, ascii('v'), [])).toBe(base + 1);
    expect(sizeInBytes(0, 64, null, ascii('v'), [])).toBe(base + 1);
    expect(sizeInBytes(0, -64, null, ascii('v'), [])).toBe(base);
    expect(sizeInBytes(0, 1_700_000_000_000, null, ascii('v'), [])).toBe(base + 5);
  });

  it('adds a byte to the length prefix once the body reaches 64 bytes', () => {
    // body = 6 + value length (header count, attributes, deltas, null key, value length byte)
    expect(sizeInBytes(0, 0, null, new Uint8Array(57), [])).toBe(1 + 63);
    expect(sizeInBytes(0, 0, null, new Uint8Array(58), [])).toBe(2 + 64);
  });

  it('measures header keys in UTF-8 bytes', () => {
    const h: Header[] = [{ key: 'trace-€', value: ascii('x') }];
    // count 1 + key (1 + 9) + value (1 + 1)
    expect(sizeInBytes(0, 0, null, null, h) - sizeInBytes(0, 0, null, null, [])).toBe(12);
  });

  it('sizeInBytesOfSizes equals sizeInBytes with −1 for null', () => {
    const key = ascii('user-1');
    expect(sizeInBytesOfSizes(3, 5, 6, -1, [])).toBe(sizeInBytes(3, 5, key, null, []));
  });

  it('upper bound is 21 + key/value/header fields and never below the exact size', () => {
    expect(MAX_RECORD_OVERHEAD).toBe(21);
    expect(recordSizeUpperBound(ascii('key'), new Uint8Array(100), [])).toBe(21 + 4 + 102 + 1);
    const random = new Random(3);
    for (let i = 0; i < 300; i++) {
      const key = random.nextDouble() < 0.3 ? null : new Uint8Array(random.nextIntBelow(200));
      const value = random.nextDouble() < 0.1 ? null : new Uint8Array(random.nextIntBelow(20000));
      const offsetDelta = random.nextIntBelow(2 ** 31 - 1);
      const tsDelta = Math.floor((random.nextDouble() - 0.5) * 2 ** 50);
      expect(sizeInBytes(offsetDelta, tsDelta, key, value, [])).toBeLessThanOrEqual(
        recordSizeUpperBound(key, value, []),
      );
    }
  });

  it('writes the fields in DefaultRecord order and the written length equals sizeInBytes', () => {
    const random = new Random(11);
    for (let i = 0; i < 200; i++) {
      const key =
        random.nextDouble() < 0.2
          ? null
          : Uint8Array.from({ length: random.nextIntBelow(80) }, (_, j) => j);
      const value =
        random.nextDouble() < 0.1 ? null : new Uint8Array(random.nextIntBelow(300)).fill(7);
      const headers: Header[] = [];
      for (let h = random.nextIntBelow(3); h > 0; h--) {
        headers.push({ key: `h${h}`, value: random.nextDouble() < 0.5 ? null : ascii(`v${h}`) });
      }
      const offsetDelta = random.nextIntBelow(100_000);
      const tsDelta = random.nextIntBelow(200_000) - 100_000;
      const size = sizeInBytes(offsetDelta, tsDelta, key, value, headers);
      const out = new Uint8Array(size + 3);
      expect(writeTo(out, 0, offsetDelta, tsDelta, key, value, headers)).toBe(size);
      const r = readRecord(out);
      expect(r.total).toBe(size);
      expect(r.bodyRead).toBe(r.bodyLen);
      expect(r.attributes).toBe(0);
      expect(r.timestampDelta).toBe(tsDelta);
      expect(r.offsetDelta).toBe(offsetDelta);
      expect(r.key).toEqual(key);
      expect(r.value).toEqual(value);
      expect(r.headers).toEqual(headers.map((h) => ({ key: h.key, value: h.value })));
    }
  });
});
