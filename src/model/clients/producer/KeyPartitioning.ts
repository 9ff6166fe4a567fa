/**
 * The keyed path of partitioning: `toPositive(murmur2(serializedKey)) % numPartitions` over ALL partitions of the
 * topic, leaderless ones included. Mirrors BuiltInPartitioner.partitionForKey (Kafka 3.3+; DefaultPartitioner did
 * the same before). Adds the learner-facing explanation, built only on request so the per-record path stays free of
 * string building. Leaves out nothing of the algorithm.
 */
import { murmur2, toPositive } from '../../common/utils/Utils';

/**
 * The partition of a non-null serialized key. `numPartitions` must be the topic's full partition count (Kafka uses
 * `cluster.partitionsForTopic(topic).size()`), not the number of available partitions.
 */
export function partitionForKey(keyBytes: Uint8Array, numPartitions: number): number {
  return toPositive(murmur2(keyBytes)) % numPartitions;
}

/**
 * Why a key lands where it does, e.g. `murmur2("user-123") = -1234 → toPositive = 2147482414 → % 6 = 4`.
 * `key` is the display form (the application's string), or null to show the bytes in hex.
 */
export function explainKeyPartition(
  key: string | null,
  keyBytes: Uint8Array | null,
  numPartitions: number,
): string {
  if (keyBytes === null)
    return 'null key → not hashed (the sticky partitioner picks the partition)';
  const hash = murmur2(keyBytes);
  const positive = toPositive(hash);
  return (
    `murmur2(${describeKey(key, keyBytes)}) = ${hash} → toPositive = ${positive} → % ${numPartitions} = ` +
    `${positive % numPartitions}`
  );
}

const MAX_SHOWN_CHARS = 40;
const MAX_SHOWN_BYTES = 16;

/** A short, quoted display of a key for explanations: `"user-1"`, or `0x0a1b…` when only bytes are known. */
export function describeKey(key: string | null, keyBytes: Uint8Array | null): string {
  if (key !== null) {
    const shown = key.length > MAX_SHOWN_CHARS ? `${key.slice(0, MAX_SHOWN_CHARS)}…` : key;
    return JSON.stringify(shown);
  }
  if (keyBytes === null) return 'null';
  let hex = '0x';
  const n = Math.min(keyBytes.length, MAX_SHOWN_BYTES);
  for (let i = 0; i < n; i++) hex += keyBytes[i].toString(16).padStart(2, '0');
  return keyBytes.length > n
    ? `${hex}… (${keyBytes.length} bytes)`
    : keyBytes.length === 0
      ? '""'
      : hex;
}
