/**
 * Kafka's murmur2 and toPositive, byte-exact with org.apache.kafka.common.utils.Utils (32-bit wrap-around maths).
 * Leaves out the rest of Utils.
 */
const SEED = 0x9747b28c | 0;
const M = 0x5bd1e995;
const R = 24;

/** Signed 32-bit murmur2 of the bytes, as Utils.murmur2. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = SEED ^ length;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i << 2;
    let k = data[i4] | (data[i4 + 1] << 8) | (data[i4 + 2] << 16) | (data[i4 + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  // The tail bytes, as Kafka's fall-through switch: 3 → byte t+2, then 2 → t+1, then 1 → t and a multiply.
  const t = length4 << 2;
  const tail = length & 3;
  if (tail === 3) h ^= data[t + 2] << 16;
  if (tail >= 2) h ^= data[t + 1] << 8;
  if (tail >= 1) {
    h ^= data[t];
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** `x & 0x7fffffff`, as Utils.toPositive (not Math.abs). */
export function toPositive(x: number): number {
  return x & 0x7fffffff;
}
