/**
 * A representative batch of a scenario's workload, as the bytes a codec would compress: the records section of one
 * full batch (batch.size) written exactly as DefaultRecord writes it, from the workload's own keys, values and
 * headers (the same generators, seeded like the run's). The comparison worker times the real codecs on it: the
 * model itself has no wall clock. Simulation-only.
 */
import { parseProducerConfig } from '../clients/producer/ProducerConfig';
import { sizeInBytes } from '../common/record/DefaultRecord';
import {
  type EncodableRecord,
  encodeRecords,
  RECORD_BATCH_OVERHEAD,
} from '../common/record/DefaultRecordBatch';
import { Random } from '../engine/Random';
import { KeyChooser } from '../workload/KeyChooser';
import { GeneratedSource } from '../workload/RecordSource';
import { ValueCorpus } from '../workload/ValueCorpus';
import type { RunSpec } from './RunSpec';

const DEFAULT_BATCH_SIZE = 16384;
/** A record section never grows past this, whatever batch.size says (the codecs are timed on it). */
const MAX_PAYLOAD_BYTES = 1024 * 1024;
const MAX_RECORDS = 100_000;

/**
 * The records section of one full batch of `spec`'s workload: records are added while the section stays within
 * batch.size minus the 61-byte batch header (at least one record, as Kafka always takes the first).
 */
export function sampleBatchPayload(spec: RunSpec): Uint8Array {
  const parsed = parseProducerConfig({ ...spec.producer });
  const batchSize = parsed.ok ? parsed.config.batchSize : DEFAULT_BATCH_SIZE;
  const limit = Math.min(MAX_PAYLOAD_BYTES, Math.max(1, batchSize - RECORD_BATCH_OVERHEAD));
  const w = spec.workload;
  // The run's own streams: the same keys and values its first batch would hold.
  const random = new Random(spec.seed);
  const source = new GeneratedSource(
    new KeyChooser(
      {
        keys: w.keys,
        prefix: w.keyPrefix,
        list: w.keyList,
        distribution: w.keyDistribution,
        zipfS: w.keyZipfS,
        hotFraction: w.keyHotFraction,
      },
      random.fork('keys'),
    ),
    new ValueCorpus(w.valueContent, w.recordSize, random.fork('values')),
    { numRecords: -1, headers: w.headers, partition: null },
  );
  const records: EncodableRecord[] = [];
  let size = 0;
  // Bounded by the limit; the count check only guards against empty records (size 0) that never fill it.
  while (records.length < MAX_RECORDS) {
    const input = source.next();
    if (input === null) break;
    const grown =
      size + sizeInBytes(records.length, 0, input.keyBytes, input.valueBytes, input.headers);
    if (records.length > 0 && grown > limit) break;
    records.push({
      offsetDelta: records.length,
      timestamp: 0,
      key: input.keyBytes,
      value: input.valueBytes,
      headers: input.headers,
    });
    size = grown;
  }
  return encodeRecords(records, 0);
}
