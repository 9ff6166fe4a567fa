/**
 * A record's bytes as the inspector shows them: lowercase hex pairs (cut at 256 bytes) and UTF-8 text (cut at 1 KiB
 * on a character boundary), with a note when cut or not valid UTF-8. Simulation-only presentation of model data.
 */
import { decodeUtf8, encodeUtf8 } from '../common/utils/Utf8';
import type { HeaderDetail } from './Inspection';
import { formatCount } from './JourneySteps';

/** Value text is cut here (at a character boundary). */
export const MAX_TEXT_BYTES = 1024;
/** Hex dumps show at most this many bytes. */
export const MAX_HEX_BYTES = 256;

/** Lowercase hex pairs separated by spaces, at most `limit` bytes. */
export function hex(bytes: Uint8Array, limit = MAX_HEX_BYTES): string {
  const n = Math.min(bytes.length, limit);
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = bytes[i].toString(16).padStart(2, '0');
  return parts.join(' ');
}

/** UTF-8 text of at most `limit` bytes, cut at a character boundary, with a note when cut or malformed. */
export function bytesText(
  bytes: Uint8Array | null,
  limit: number,
): { text: string | null; note: string | null } {
  if (bytes === null) return { text: null, note: null };
  let cut = Math.min(limit, bytes.length);
  // Back off to the first byte of a character, so the cut does not show a broken one.
  if (cut < bytes.length) while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--;
  const shown = bytes.subarray(0, cut);
  const text = decodeUtf8(shown);
  const notes: string[] = [];
  if (cut < bytes.length)
    notes.push(`first ${formatCount(cut)} of ${formatCount(bytes.length)} bytes`);
  if (!sameBytes(encodeUtf8(text), shown)) notes.push('not valid UTF-8: malformed bytes show as �');
  return { text, note: notes.length === 0 ? null : notes.join('; ') };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function headerDetail(h: { key: string; value: Uint8Array | null }): HeaderDetail {
  return {
    key: h.key,
    valueText: bytesText(h.value, MAX_TEXT_BYTES).text,
    valueHex: h.value === null ? null : hex(h.value),
    valueSizeInBytes: h.value === null ? -1 : h.value.length,
  };
}
