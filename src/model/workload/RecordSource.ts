/**
 * What the simulated application sends next: generated records (keys × values × headers) or console lines.
 * Simulation-only. A source hands out `SendInput`s until it is exhausted (null).
 */

import type { Header } from '../clients/producer/internals/RecordState';
import type { JavaType } from '../common/serialization/Serializers';
import { encodeUtf8 } from '../common/utils/Utf8';
import type { KeyChooser } from './KeyChooser';
import type { ConsoleRecord } from './LineMessageReader';
import type { ValueCorpus } from './ValueCorpus';

/** A ProducerRecord as the application builds it, with key and value already as the bytes of their Java type. */
export interface SendInput {
  readonly partition: number | null;
  readonly key: string | null;
  readonly keyBytes: Uint8Array | null;
  readonly keyType: JavaType;
  readonly valueBytes: Uint8Array | null;
  readonly valueType: JavaType;
  readonly headers: Header[];
  readonly timestamp: number | null;
}

export interface RecordSource {
  /** The next record, or null when exhausted. Valid until the next call (sources may reuse the object). */
  next(): SendInput | null;
  /** Records handed out so far. */
  readonly produced: number;
}

const NO_HEADERS: Header[] = [];

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class GeneratedSource implements RecordSource {
  produced = 0;
  private readonly headerSets: Header[][];
  /** Reused for every record: the producer copies what it keeps, so no object is made per send. */
  private readonly input: Mutable<SendInput>;

  constructor(
    private readonly keys: KeyChooser,
    private readonly values: ValueCorpus,
    private readonly options: { numRecords: number; headers: number; partition: number | null },
  ) {
    // A few distinct header sets, so header bytes look like an application's (ids, a source, a schema).
    this.headerSets = [];
    for (let s = 0; s < (options.headers > 0 ? 16 : 0); s++) {
      const set: Header[] = [];
      for (let h = 0; h < options.headers; h++) {
        set.push({ key: `h${h}`, value: encodeUtf8(`v${s}-${h}`) });
      }
      this.headerSets.push(set);
    }
    this.input = {
      partition: options.partition,
      key: null,
      keyBytes: null,
      keyType: 'String',
      valueBytes: null,
      valueType: values.isText ? 'String' : 'byte[]',
      headers: NO_HEADERS,
      timestamp: null,
    };
  }

  next(): SendInput | null {
    if (this.options.numRecords >= 0 && this.produced >= this.options.numRecords) return null;
    const n = this.produced++;
    const k = this.keys.nextIndex();
    const input = this.input;
    input.key = k < 0 ? null : this.keys.name(k);
    input.keyBytes = k < 0 ? null : this.keys.keyBytes(k);
    input.valueBytes = this.values.value(n);
    if (this.headerSets.length > 0) input.headers = this.headerSets[n & 15];
    return input;
  }
}

export class ConsoleSource implements RecordSource {
  produced = 0;

  constructor(
    private readonly lines: readonly ConsoleRecord[],
    private readonly partition: number | null,
  ) {}

  next(): SendInput | null {
    const line = this.lines[this.produced];
    if (line === undefined) return null;
    this.produced++;
    return {
      partition: this.partition,
      key: line.key,
      keyBytes: line.key === null ? null : encodeUtf8(line.key),
      keyType: 'String',
      valueBytes: encodeUtf8(line.value),
      valueType: 'String',
      headers: NO_HEADERS,
      timestamp: null,
    };
  }
}
