/**
 * application/x-www-form-urlencoded parsing and serializing as the WHATWG URL standard (URLSearchParams) does it,
 * without URLSearchParams or TextDecoder (the scenario room compiles against ES2022 only). Parsing never throws and
 * flags pairs whose escapes were malformed, so callers can report them.
 */

export interface QueryPair {
  readonly key: string;
  readonly value: string;
  /** A `%` not followed by two hex digits (kept literally) or escapes that are not valid UTF-8 (→ U+FFFD). */
  readonly malformed: boolean;
}

/** Splits a query (a leading `?` is ignored) into pairs in order; empty segments are skipped. */
export function parseQueryString(query: string): QueryPair[] {
  const input = query.startsWith('?') ? query.slice(1) : query;
  const pairs: QueryPair[] = [];
  for (const segment of input.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const rawKey = eq < 0 ? segment : segment.slice(0, eq);
    const rawValue = eq < 0 ? '' : segment.slice(eq + 1);
    const key = percentDecode(rawKey.replaceAll('+', ' '));
    const value = percentDecode(rawValue.replaceAll('+', ' '));
    pairs.push({ key: key.text, value: value.text, malformed: key.malformed || value.malformed });
  }
  return pairs;
}

/** Serializes pairs as URLSearchParams.toString() does. */
export function buildQueryString(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${encodeQueryComponent(k)}=${encodeQueryComponent(v)}`).join('&');
}

/** The urlencoded serializer: `*-._` and alphanumerics stay, space → `+`, every other UTF-8 byte → `%XX`. */
export function encodeQueryComponent(s: string): string {
  let out = '';
  for (const byte of utf8Bytes(s)) {
    if (
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x2a ||
      byte === 0x2d ||
      byte === 0x2e ||
      byte === 0x5f
    ) {
      out += String.fromCharCode(byte);
    } else if (byte === 0x20) {
      out += '+';
    } else {
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Percent-decodes to bytes (the string's own chars as UTF-8), then decodes UTF-8 with replacement. */
function percentDecode(s: string): { text: string; malformed: boolean } {
  if (!s.includes('%')) return { text: s.replace(LONE_SURROGATE, '\ufffd'), malformed: false };
  const bytes: number[] = [];
  let malformed = false;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (
      c === 0x25 &&
      i + 2 < s.length &&
      isHex(s.charCodeAt(i + 1)) &&
      isHex(s.charCodeAt(i + 2))
    ) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
      continue;
    }
    if (c === 0x25) malformed = true;
    const cp = s.codePointAt(i) as number;
    pushUtf8(bytes, cp);
    i += cp > 0xffff ? 2 : 1;
  }
  const decoded = decodeUtf8(bytes);
  return { text: decoded.text, malformed: malformed || decoded.replaced };
}

function pushUtf8(out: number[], codePoint: number): void {
  // Lone surrogates become U+FFFD, as the URL standard's UTF-8 encode does.
  const c = codePoint >= 0xd800 && codePoint <= 0xdfff ? 0xfffd : codePoint;
  if (c < 0x80) out.push(c);
  else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
  else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
}

function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) as number;
    pushUtf8(out, cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/** The WHATWG UTF-8 decoder: each maximal invalid subpart becomes one U+FFFD. */
function decodeUtf8(bytes: readonly number[]): { text: string; replaced: boolean } {
  const codePoints: number[] = [];
  let replaced = false;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i++];
    if (b < 0x80) {
      codePoints.push(b);
      continue;
    }
    let needed = 0;
    let lower = 0x80;
    let upper = 0xbf;
    let cp = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      needed = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      needed = 2;
      cp = b & 0xf;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      needed = 3;
      cp = b & 0x7;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      codePoints.push(0xfffd);
      replaced = true;
      continue;
    }
    let complete = true;
    for (let n = 0; n < needed; n++) {
      const next = bytes[i];
      if (next === undefined || next < lower || next > upper) {
        complete = false;
        break;
      }
      cp = (cp << 6) | (next & 0x3f);
      lower = 0x80;
      upper = 0xbf;
      i++;
    }
    if (complete) codePoints.push(cp);
    else {
      codePoints.push(0xfffd);
      replaced = true;
    }
  }
  let text = '';
  for (let start = 0; start < codePoints.length; start += 4096) {
    text += String.fromCodePoint(...codePoints.slice(start, start + 4096));
  }
  return { text, replaced };
}
