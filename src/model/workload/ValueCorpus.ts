/**
 * Record values the simulated application sends, as real bytes so the real codecs see real compressibility.
 * Simulation-only (kafka-producer-perf-test.sh sends one random payload; here content is chosen: JSON-like events,
 * English-like text, or random bytes). Values are views into one pre-built corpus of distinct slots: no bytes are
 * made per record, and a batch rarely holds the same slot twice, so compression ratios are not flattered.
 * Slots are built on first use, in slot order (values are asked for in send order), so the random stream is read
 * exactly as an eager build would read it while a short run does not pay for the whole 2 MiB corpus.
 */
import { encodeUtf8 } from '../common/utils/Utf8';
import type { Random } from '../engine/Random';

export type ValueContent = 'json' | 'text' | 'random';

/** Corpus size target: enough distinct values that batches of up to 1 MiB rarely repeat one. */
const CORPUS_TARGET_BYTES = 2 * 1024 * 1024;
const MAX_SLOTS = 32_768;
const MIN_SLOTS = 16;

const WORDS = (
  'the a producer sends records to partition leaders and each batch waits for linger before the sender drains ' +
  'it into one request per broker while replicas fetch from the leader so the high watermark moves forward ' +
  'order payment shipped delivered customer account balance invoice region europe america asia pacific ' +
  'click view search cart checkout login logout session device mobile desktop browser latency retry ack'
).split(' ');
const EVENTS = [
  'page_view',
  'click',
  'add_to_cart',
  'checkout',
  'payment',
  'login',
  'logout',
  'search',
];
const COUNTRIES = ['US', 'DE', 'FR', 'IN', 'BR', 'JP', 'GB', 'CA', 'AU', 'NL'];

export class ValueCorpus {
  readonly content: ValueContent;
  readonly size: number;
  readonly slots: number;
  private readonly bytes: Uint8Array;
  private readonly views: Uint8Array[] = [];
  private readonly random: Random;

  constructor(content: ValueContent, size: number, random: Random) {
    this.content = content;
    this.size = size;
    this.random = random;
    this.slots =
      size === 0
        ? 1
        : Math.max(MIN_SLOTS, Math.min(MAX_SLOTS, Math.ceil(CORPUS_TARGET_BYTES / size)));
    this.bytes = new Uint8Array(this.slots * size);
  }

  /** The value of slot `slot` (taken modulo the corpus). A shared view: never mutate it. */
  value(slot: number): Uint8Array {
    const s = slot % this.slots;
    const views = this.views;
    while (views.length <= s) {
      const at = views.length * this.size;
      this.bytes.set(makeValue(this.content, this.size, views.length, this.random), at);
      views.push(this.bytes.subarray(at, at + this.size));
    }
    return views[s];
  }

  /** True when values are text (UTF-8 of a String), false for raw bytes (a byte[] in Java). */
  get isText(): boolean {
    return this.content !== 'random';
  }
}

function makeValue(content: ValueContent, size: number, slot: number, random: Random): Uint8Array {
  if (content === 'random') {
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i++) out[i] = random.nextInt() & 0xff;
    return out;
  }
  const text = content === 'json' ? jsonValue(size, slot, random) : textValue(size, random);
  return fitToSize(encodeUtf8(text), size);
}

function jsonValue(size: number, slot: number, random: Random): string {
  const pick = <T>(xs: readonly T[]): T => xs[random.nextIntBelow(xs.length)];
  const fields = [
    `"id":${slot}`,
    `"user":"user-${random.nextIntBelow(100_000)}"`,
    `"event":"${pick(EVENTS)}"`,
    `"country":"${pick(COUNTRIES)}"`,
    `"amount":${(random.nextIntBelow(100_000) / 100).toFixed(2)}`,
    `"ts":${1_700_000_000_000 + random.nextIntBelow(86_400_000)}`,
  ];
  let doc = '{';
  for (const field of fields) {
    const next = doc.length === 1 ? doc + field : `${doc},${field}`;
    if (next.length + 1 > size) break;
    doc = next;
  }
  // Larger values get a note of words, so they stay JSON and realistically compressible.
  if (doc.length + 12 < size) {
    let note = '';
    // `,"note":"` + `"` + `}` = 11 bytes around the note.
    for (
      let word = pick(WORDS);
      doc.length + 11 + note.length + 1 + word.length <= size;
      word = pick(WORDS)
    ) {
      note += (note ? ' ' : '') + word;
    }
    if (note) doc += `,"note":"${note}"`;
  }
  // Whitespace before the closing brace keeps the document valid at exactly `size` bytes.
  return doc.length + 1 <= size ? doc + ' '.repeat(size - doc.length - 1) + '}' : doc;
}

function textValue(size: number, random: Random): string {
  let text = '';
  while (text.length < size) {
    const word = WORDS[random.nextIntBelow(WORDS.length)];
    text += text.length === 0 ? word[0].toUpperCase() + word.slice(1) : ` ${word}`;
    if (random.nextIntBelow(12) === 0) text += '.';
  }
  return text;
}

/** Exactly `size` bytes: truncated, or padded with spaces (JSON stays parseable when padded). */
function fitToSize(bytes: Uint8Array, size: number): Uint8Array {
  if (bytes.length === size) return bytes;
  const out = new Uint8Array(size).fill(0x20);
  out.set(bytes.subarray(0, Math.min(size, bytes.length)));
  return out;
}
