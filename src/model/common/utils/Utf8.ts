/**
 * UTF-8 encode/decode for the model, which compiles without the DOM lib (so without TextEncoder/TextDecoder).
 * Encoding follows ByteUtils.utf8Length/writeUtf8; decoding replaces malformed sequences with U+FFFD.
 */
import { utf8Length, writeUtf8 } from './ByteUtils';

export function encodeUtf8(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  writeUtf8(s, out, 0);
  return out;
}

export function decodeUtf8(bytes: Uint8Array): string {
  let s = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let cp = 0xfffd;
    let n = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0 && cont(bytes, i + 1)) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      n = 2;
    } else if (b >= 0xe0 && b < 0xf0 && cont(bytes, i + 1) && cont(bytes, i + 2)) {
      cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      n = 3;
      if (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000)) cp = 0xfffd;
    } else if (
      b >= 0xf0 &&
      b < 0xf5 &&
      cont(bytes, i + 1) &&
      cont(bytes, i + 2) &&
      cont(bytes, i + 3)
    ) {
      cp =
        ((b & 0x07) << 18) |
        ((bytes[i + 1] & 0x3f) << 12) |
        ((bytes[i + 2] & 0x3f) << 6) |
        (bytes[i + 3] & 0x3f);
      n = 4;
      if (cp < 0x10000 || cp > 0x10ffff) cp = 0xfffd;
    }
    s += String.fromCodePoint(cp);
    i += n;
  }
  return s;
}

function cont(bytes: Uint8Array, i: number): boolean {
  return i < bytes.length && (bytes[i] & 0xc0) === 0x80;
}
