/**
 * The delivery accounting of a run: what the producer was told (acked / failed / pending) against what the
 * cluster finally committed (the leader's log below the high watermark). Counts acknowledged records that are not
 * in the committed log (`lost`), extra copies (`duplicated`), pairs of same-key records whose log order differs
 * from their send order (`reordered`) and, for keyless records, send-order inversions within a partition
 * (`reorderedInPartition`). Simulation-only: Kafka's own tests check the same things with a consumer (e.g. the
 * system tests' VerifiableProducer/VerifiableConsumer pair); here the log is read directly.
 *
 * Exactness: the run stores the first `retain` record states and record ids of the logs; when either was cut,
 * `exact` is false and only the stored ones are counted. Order is the first copy's position; records of the same key
 * in different partitions (explicit partitions, RoundRobinPartitioner) have no common log order and are not paired.
 * Cost: O(n log n) for n records (merge-sort inversion counts), a few typed arrays, no per-record objects.
 */

/** One record as the producer saw it. `id` is its send order. */
export interface AccountedRecord {
  readonly id: number;
  readonly key: string | null;
  readonly partition: number;
  readonly status: 'acked' | 'failed' | 'pending';
}

/** One partition's final replication state and committed log. */
export interface AccountedPartition {
  readonly partition: number;
  readonly leader: number | null;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  /** Aligned with `replicas`. */
  readonly replicaLogEndOffsets: readonly number[];
  /** Aligned with `replicas`; each replica's own high watermark. */
  readonly replicaHighWatermarks: readonly number[];
  readonly highWatermark: number;
  /** Record ids at offsets 0 … highWatermark − 1 (fewer when the stored log was cut: `complete` false). */
  readonly committed: ArrayLike<number>;
  /** Record ids in the leader's log from the high watermark to its log end (not yet replicated to the ISR). */
  readonly uncommitted: ArrayLike<number>;
  readonly complete: boolean;
}

export interface AccountingInput {
  /** The producer's acks: 0 (never learns), 1 or -1 (all). */
  readonly acks: number;
  /** Records in send order. */
  readonly records: readonly AccountedRecord[];
  /** False when only the first records were kept. */
  readonly recordsComplete: boolean;
  readonly partitions: readonly AccountedPartition[];
}

export interface ReplicaState {
  readonly broker: number;
  readonly logEndOffset: number;
  readonly highWatermark: number;
  readonly inSync: boolean;
}

export interface PartitionAccounting {
  readonly partition: number;
  readonly leader: number | null;
  readonly isr: readonly number[];
  readonly highWatermark: number;
  readonly replicas: readonly ReplicaState[];
  /** Record ids in offset order below the high watermark. */
  readonly committedLog: readonly number[];
}

/** How many record ids each list of examples keeps. */
export const ACCOUNTING_EXAMPLES = 100;

export interface Accounting {
  /** Records the producer completed successfully (with acks=0: sent; see `unknown`). */
  readonly acked: number;
  readonly failed: number;
  readonly pending: number;
  /** acks=0: "acked" records, whose fate the producer cannot know; 0 otherwise. */
  readonly unknown: number;
  /** Acknowledged with acks ≥ 1 and gone: neither in the committed log nor in the leader's uncommitted tail. */
  readonly lost: number;
  /** acks=0 records ("acked" = sent) gone in the same sense. */
  readonly lostUnacknowledged: number;
  /**
   * Acknowledged (or, with acks=0, sent) records not in the committed log but still in the leader's log above the
   * high watermark when the run ended: not lost yet, and lost if that leader failed now. `lost + uncommitted` is
   * every acknowledged record absent from the committed log.
   */
  readonly uncommitted: number;
  /** Failed records that are in the committed log anyway (e.g. a timeout after the append). */
  readonly failedButCommitted: number;
  /** Extra copies: Σ max(0, copies − 1). */
  readonly duplicated: number;
  /** Pairs of records with the same non-null key (and partition) whose log order differs from their send order. */
  readonly reordered: number;
  /** Pairs of keyless records in one partition whose log order differs from their send order. */
  readonly reorderedInPartition: number;
  /** False when records or logs were cut at `retain`: the counts cover the stored part only. */
  readonly exact: boolean;
  /** First ids of lost, duplicated and reordered records (up to ACCOUNTING_EXAMPLES each). */
  readonly examples: {
    readonly lost: readonly number[];
    readonly duplicated: readonly number[];
    readonly reordered: readonly number[];
  };
  readonly partitions: readonly PartitionAccounting[];
}

/** The accounting, plus each input record's number of copies in the committed log (aligned with records). */
export function computeAccounting(input: AccountingInput): {
  accounting: Accounting;
  copies: Int32Array;
} {
  const { records, partitions } = input;
  let maxId = -1;
  for (const r of records) if (r.id > maxId) maxId = r.id;
  for (const p of partitions) {
    const c = p.committed;
    for (let i = 0; i < c.length; i++) if (c[i] > maxId) maxId = c[i];
    const u = p.uncommitted;
    for (let i = 0; i < u.length; i++) if (u[i] > maxId) maxId = u[i];
  }
  // Per id: copies in the committed log, and the record's index in `records` (-1 when not kept).
  const copiesById = new Int32Array(maxId + 1);
  const indexById = new Int32Array(maxId + 1).fill(-1);
  for (let i = 0; i < records.length; i++) indexById[records[i].id] = i;
  // Bit 0: in some leader's uncommitted tail.
  const tailById = new Uint8Array(maxId + 1);
  for (const p of partitions) {
    const c = p.committed;
    for (let i = 0; i < c.length; i++) copiesById[c[i]]++;
    const u = p.uncommitted;
    for (let i = 0; i < u.length; i++) tailById[u[i]] = 1;
  }

  let acked = 0;
  let failed = 0;
  let pending = 0;
  let lost = 0;
  let lostUnacknowledged = 0;
  let uncommitted = 0;
  let failedButCommitted = 0;
  let duplicated = 0;
  const lostExamples: number[] = [];
  const dupExamples: number[] = [];
  const copies = new Int32Array(records.length);
  const acks0 = input.acks === 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const n = copiesById[r.id];
    copies[i] = n;
    if (n > 1) {
      duplicated += n - 1;
      if (dupExamples.length < ACCOUNTING_EXAMPLES) dupExamples.push(r.id);
    }
    if (r.status === 'acked') {
      acked++;
      if (n === 0 && tailById[r.id] === 1) uncommitted++;
      else if (n === 0) {
        if (acks0) lostUnacknowledged++;
        else {
          lost++;
          if (lostExamples.length < ACCOUNTING_EXAMPLES) lostExamples.push(r.id);
        }
      }
    } else if (r.status === 'failed') {
      failed++;
      if (n > 0) failedButCommitted++;
    } else pending++;
  }

  const order = countReordering(records, partitions, indexById);
  return {
    accounting: {
      acked,
      failed,
      pending,
      unknown: acks0 ? acked : 0,
      lost,
      lostUnacknowledged,
      uncommitted,
      failedButCommitted,
      duplicated,
      reordered: order.keyed,
      reorderedInPartition: order.keyless,
      exact: input.recordsComplete && partitions.every((p) => p.complete),
      examples: { lost: lostExamples, duplicated: dupExamples, reordered: order.examples },
      partitions: partitions.map((p) => ({
        partition: p.partition,
        leader: p.leader,
        isr: [...p.isr],
        highWatermark: p.highWatermark,
        replicas: p.replicas.map((broker, i) => ({
          broker,
          logEndOffset: p.replicaLogEndOffsets[i],
          highWatermark: p.replicaHighWatermarks[i],
          inSync: p.isr.includes(broker),
        })),
        committedLog: Array.from(p.committed),
      })),
    },
    copies,
  };
}

/**
 * Inversions of send order (ids) in log order (first copies), per (partition, key) for keyed records and per
 * partition for keyless ones. Records not kept in `records` have no known key and are skipped.
 */
function countReordering(
  records: readonly AccountedRecord[],
  partitions: readonly AccountedPartition[],
  indexById: Int32Array,
): { keyed: number; keyless: number; examples: number[] } {
  const seen = new Uint8Array(indexById.length);
  let keyed = 0;
  let keyless = 0;
  const examples: number[] = [];
  for (const p of partitions) {
    const byKey = new Map<string, number[]>();
    const nullKeyed: number[] = [];
    const c = p.committed;
    for (let i = 0; i < c.length; i++) {
      const id = c[i];
      if (seen[id] === 1) continue;
      seen[id] = 1;
      const index = indexById[id];
      if (index < 0) continue;
      const key = records[index].key;
      if (key === null) {
        nullKeyed.push(id);
        continue;
      }
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [id]);
      else list.push(id);
    }
    for (const list of byKey.values()) {
      if (list.length < 2) continue;
      const inversions = countInversions(list);
      if (inversions > 0) {
        keyed += inversions;
        addExamples(list, examples);
      }
    }
    const k = countInversions(nullKeyed);
    if (k > 0) {
      keyless += k;
      addExamples(nullKeyed, examples);
    }
  }
  return { keyed, keyless, examples };
}

/** Ids that come after a higher id in log order (each an out-of-order arrival). */
function addExamples(logOrder: readonly number[], out: number[]): void {
  let max = -1;
  for (const id of logOrder) {
    if (out.length >= ACCOUNTING_EXAMPLES) return;
    if (id < max) out.push(id);
    else max = id;
  }
}

/** Pairs i < j with a[i] > a[j], by merge sort (O(n log n)); `a` is not modified. */
export function countInversions(a: readonly number[]): number {
  const n = a.length;
  if (n < 2) return 0;
  let src = Float64Array.from(a);
  let dst = new Float64Array(n);
  let count = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (src[j] < src[i]) {
          count += mid - i;
          dst[k++] = src[j++];
        } else dst[k++] = src[i++];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return count;
}
