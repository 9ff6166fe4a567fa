/**
 * The built-in (KIP-794, Kafka 3.3+) partitioner for records without a usable key: one instance per topic keeps a
 * sticky partition and the bytes produced to it, switches after batch.size..2×batch.size bytes, and picks the next
 * partition uniformly among partitions with a leader or, once load stats exist, weighted by inverse queue length.
 * Mirrors org.apache.kafka.clients.producer.internals.BuiltInPartitioner (same names and signatures; ClusterView
 * for Cluster; the Random injected instead of ThreadLocalRandom/mockRandom). Leaves out the atomics (one producer
 * thread), logging and the 4.1+ rack-aware variant. Adds read-only views for the explorer (why it switched, how it
 * picked, the current weights), built only when asked.
 *
 * Call protocol, exactly as RecordAccumulator uses it:
 * - append(partition = UNKNOWN, …), in a retry loop:
 *   1. `info = peekCurrentPartitionInfo(cluster)`; the deque of `info.partition()` is the one to append to.
 *   2. (Kafka takes the deque lock.) `partitionChanged`: if `isPartitionChanged(info)` → retry the loop. If the
 *      deque's last batch is full or the deque is empty (`allBatchesFull`), complete a deferred switch with
 *      `updatePartitionInfo(info, 0, cluster, true)`; if `isPartitionChanged(info)` now → retry the loop (so the
 *      record that found the batch full goes to the new partition, KAFKA-14156).
 *   3. After a successful append (to the open batch or a new one):
 *      `updatePartitionInfo(info, appendResult.appendedBytes, cluster, allBatchesFull(deque))`, where
 *      appendedBytes is the growth of the batch's estimated size (a new batch counts its 61-byte header).
 *   For keyed or explicit-partition records Kafka passes a null info; updatePartitionInfo(null, …) does nothing.
 * - ready(), per topic: if partitioner.adaptive.partitioning.enable and the topic has a deque for every
 *   partition, build `queueSizes[i]` (batches in the deque) and `partitionIds[i]` for partitions with a leader
 *   (minus those excluded by partitioner.availability.timeout.ms) and call
 *   `updatePartitionLoadStats(queueSizes, partitionIds, length)`; otherwise call it with nulls. The arrays'
 *   length must be the number of the topic's deques (Kafka allocates them per pass); they are modified in place.
 */
import type { ClusterView } from '../../../cluster/ClusterView';
import { toPositive } from '../../../common/utils/Utils';
import type { Random } from '../../../engine/Random';
import { partitionForKey } from '../KeyPartitioning';
import { IllegalArgumentException } from '../Partitioner';

/** The current sticky partition and the bytes produced to it; a new object on every switch. */
export class StickyPartitionInfo {
  producedBytes = 0;
  private readonly index: number;

  constructor(index: number) {
    this.index = index;
  }

  partition(): number {
    return this.index;
  }
}

/** Int arrays as the accumulator builds them: typed or plain. */
export type IntArray = Int32Array | number[];

export type SwitchCause = 'first use' | 'batch.size' | '2×batch.size';

/** The adaptive weights for the explorer: weight_i = (max queue + 1) − queue_i; the CFT is their running sum. */
export interface PartitionLoadStatsView {
  readonly partitionIds: number[];
  readonly weights: number[];
  readonly cumulativeFrequencyTable: number[];
}

const PICK_AVAILABLE = 0;
const PICK_ALL = 1;
const PICK_ADAPTIVE = 2;

export class BuiltInPartitioner {
  readonly topic: string;
  readonly stickyBatchSize: number;
  private readonly random: Random;
  private stickyPartitionInfo: StickyPartitionInfo | null = null;
  // Kafka's PartitionLoadStats, copied into arrays owned here so the caller may reuse its buffers; length 0 = none.
  private cumulativeFrequencyTable = new Int32Array(0);
  private loadStatsPartitionIds = new Int32Array(0);
  private loadStatsLength = 0;
  // Explorer bookkeeping, plain fields so the per-record path allocates nothing.
  private switchCause: SwitchCause | null = null;
  private switchProducedBytes = 0;
  private switchWasDeferred = false;
  private deferredSwitch = false;
  private previous = -1;
  private pickKind = PICK_AVAILABLE;
  private pickDraw = 0;
  private pickRange = 0;
  private pickWeight = 0;
  /** Number of sticky partitions chosen so far (first use included). */
  switchCount = 0;

  constructor(topic: string, stickyBatchSize: number, random: Random) {
    if (stickyBatchSize < 1) {
      throw new IllegalArgumentException(`stickyBatchSize must be >= 1 but got ${stickyBatchSize}`);
    }
    this.topic = topic;
    this.stickyBatchSize = stickyBatchSize;
    this.random = random;
  }

  /** Default hashing function to choose a partition from the serialized key bytes. */
  static partitionForKey(serializedKey: Uint8Array, numPartitions: number): number {
    return partitionForKey(serializedKey, numPartitions);
  }

  private nextPartition(cluster: ClusterView): number {
    const random = this.randomPartition();
    this.pickDraw = random;
    const length = this.loadStatsLength;
    if (length === 0) {
      // No stats (adaptive off, not every partition has a deque yet, or all queues equal): uniform, and the
      // same partition may come up again.
      const availablePartitions = cluster.availablePartitions();
      if (availablePartitions.length > 0) {
        this.pickKind = PICK_AVAILABLE;
        this.pickRange = availablePartitions.length;
        return availablePartitions[random % availablePartitions.length];
      }
      const numPartitions = cluster.partitionCount();
      this.pickKind = PICK_ALL;
      this.pickRange = numPartitions;
      return random % numPartitions;
    }
    const cft = this.cumulativeFrequencyTable;
    const weightedRandom = random % cft[length - 1];
    // The CFT is strictly increasing (every weight ≥ 1): find the first entry strictly greater than the draw.
    let lo = 0;
    let hi = length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cft[mid] > weightedRandom) hi = mid;
      else lo = mid + 1;
    }
    this.pickKind = PICK_ADAPTIVE;
    this.pickRange = cft[length - 1];
    this.pickWeight = cft[lo] - (lo > 0 ? cft[lo - 1] : 0);
    return this.loadStatsPartitionIds[lo];
  }

  randomPartition(): number {
    return toPositive(this.random.nextInt());
  }

  /** When load stats are defined, the end of the range for the random number (the CFT's last entry). */
  loadStatsRangeEnd(): number {
    if (this.loadStatsLength === 0) throw new Error('loadStatsRangeEnd: no partition load stats');
    return this.cumulativeFrequencyTable[this.loadStatsLength - 1];
  }

  /** The current sticky partition info, choosing the first partition on first use. */
  peekCurrentPartitionInfo(cluster: ClusterView): StickyPartitionInfo {
    const partitionInfo = this.stickyPartitionInfo;
    if (partitionInfo !== null) return partitionInfo;
    const created = new StickyPartitionInfo(this.nextPartition(cluster));
    this.switchTo(created, 'first use', 0);
    return created;
  }

  /** Whether the sticky partition changed since `partitionInfo` was peeked (null: not the built-in path). */
  isPartitionChanged(partitionInfo: StickyPartitionInfo | null): boolean {
    return partitionInfo !== null && this.stickyPartitionInfo !== partitionInfo;
  }

  /**
   * Adds appended bytes to the sticky partition and maybe switches: at ≥ batch.size bytes if `enableSwitch` (the
   * deque's last batch is full or the deque is empty), unconditionally at ≥ 2×batch.size.
   */
  updatePartitionInfo(
    partitionInfo: StickyPartitionInfo | null,
    appendedBytes: number,
    cluster: ClusterView,
    enableSwitch = true,
  ): void {
    if (partitionInfo === null) return;
    if (partitionInfo !== this.stickyPartitionInfo) {
      throw new Error(
        'updatePartitionInfo: stale partition info (check isPartitionChanged under the deque lock)',
      );
    }
    partitionInfo.producedBytes += appendedBytes;
    const producedBytes = partitionInfo.producedBytes;
    const size = this.stickyBatchSize;
    // Java int arithmetic: for batch.size > 2^30 the doubled threshold overflows and every append switches.
    const twice = (size * 2) | 0;
    const byBatchSize = producedBytes >= size && enableSwitch;
    if (byBatchSize || producedBytes >= twice) {
      const next = new StickyPartitionInfo(this.nextPartition(cluster));
      this.switchTo(next, byBatchSize ? 'batch.size' : '2×batch.size', producedBytes);
    } else if (producedBytes >= size) {
      this.deferredSwitch = true;
    }
  }

  /**
   * Rebuilds the partition load stats from queue sizes: `queueSizes` becomes the cumulative frequency table in
   * place (as in Kafka). Null, fewer than 2 deques, or all sizes equal with none excluded → no stats (uniform).
   */
  updatePartitionLoadStats(
    queueSizes: IntArray | null,
    partitionIds: IntArray | null,
    length: number,
  ): void {
    if (queueSizes === null) {
      this.loadStatsLength = 0;
      return;
    }
    if (
      partitionIds === null ||
      partitionIds.length !== queueSizes.length ||
      length > queueSizes.length
    ) {
      throw new Error(
        'updatePartitionLoadStats: partitionIds must match queueSizes, length ≤ their length',
      );
    }
    // queueSizes.length is the number of partitions; length < it means some were excluded, and then adaptive
    // logic still applies, even to a single remaining partition.
    if (length < 1 || queueSizes.length < 2) {
      this.loadStatsLength = 0;
      return;
    }
    let maxSizePlus1 = queueSizes[0];
    let allEqual = true;
    for (let i = 1; i < length; i++) {
      if (queueSizes[i] !== maxSizePlus1) allEqual = false;
      if (queueSizes[i] > maxSizePlus1) maxSizePlus1 = queueSizes[i];
    }
    ++maxSizePlus1;
    if (allEqual && length === queueSizes.length) {
      this.loadStatsLength = 0;
      return;
    }
    // Invert and fold: e.g. queues 0 3 1 → weights 4 1 3 → CFT 4 5 8.
    queueSizes[0] = maxSizePlus1 - queueSizes[0];
    for (let i = 1; i < length; i++) {
      queueSizes[i] = maxSizePlus1 - queueSizes[i] + queueSizes[i - 1];
    }
    if (this.cumulativeFrequencyTable.length < length) {
      this.cumulativeFrequencyTable = new Int32Array(queueSizes.length);
      this.loadStatsPartitionIds = new Int32Array(queueSizes.length);
    }
    for (let i = 0; i < length; i++) {
      this.cumulativeFrequencyTable[i] = queueSizes[i];
      this.loadStatsPartitionIds[i] = partitionIds[i];
    }
    this.loadStatsLength = length;
  }

  private switchTo(next: StickyPartitionInfo, cause: SwitchCause, producedBytes: number): void {
    this.previous = this.stickyPartitionInfo === null ? -1 : this.stickyPartitionInfo.partition();
    this.switchCause = cause;
    this.switchProducedBytes = producedBytes;
    this.switchWasDeferred = this.deferredSwitch;
    this.deferredSwitch = false;
    this.stickyPartitionInfo = next;
    this.switchCount++;
  }

  // ---- Explorer views (not used by the simulation itself) ----

  /** The sticky partition, or -1 before first use. */
  get currentPartition(): number {
    return this.stickyPartitionInfo === null ? -1 : this.stickyPartitionInfo.partition();
  }

  /** The sticky partition before the last switch, or -1. */
  get previousPartition(): number {
    return this.previous;
  }

  /** Bytes produced to the current sticky partition. */
  get producedBytes(): number {
    return this.stickyPartitionInfo === null ? 0 : this.stickyPartitionInfo.producedBytes;
  }

  /** True while ≥ batch.size bytes went to the partition but its last batch is not full yet. */
  get switchPending(): boolean {
    return this.deferredSwitch;
  }

  get lastSwitchCause(): SwitchCause | null {
    return this.switchCause;
  }

  /** Why the partition last changed, e.g. `produced 16384 ≥ batch.size and batch full`. */
  get lastSwitchReason(): string {
    const n = this.switchProducedBytes;
    if (this.switchCause === null) return 'no partition chosen yet';
    if (this.switchCause === 'first use') return 'first use';
    if (this.switchCause === '2×batch.size') return `produced ${n} ≥ 2×batch.size`;
    return this.switchWasDeferred
      ? `produced ${n} ≥ batch.size and batch full (the switch waited for the last batch to fill)`
      : `produced ${n} ≥ batch.size and batch full`;
  }

  /** How the current partition was drawn, e.g. `random 123 % 6 available = 3 → partition 5 (uniform)`. */
  get lastPickExplanation(): string {
    const p = this.currentPartition;
    if (p < 0) return 'no partition chosen yet';
    const draw = this.pickDraw;
    const range = this.pickRange;
    if (this.pickKind === PICK_AVAILABLE) {
      return `random ${draw} % ${range} available partitions = ${draw % range} → partition ${p} (uniform; may repeat)`;
    }
    if (this.pickKind === PICK_ALL) {
      return `no partition has a leader: random ${draw} % ${range} partitions = partition ${p}`;
    }
    return (
      `random ${draw} % ${range} = ${draw % range} → first CFT entry above it → partition ${p} ` +
      `(adaptive: weight ${this.pickWeight} of ${range})`
    );
  }

  /** The current adaptive weights, or null when picks are uniform. Allocates: for the explorer only. */
  partitionLoadStats(): PartitionLoadStatsView | null {
    const length = this.loadStatsLength;
    if (length === 0) return null;
    const cft = Array.from(this.cumulativeFrequencyTable.subarray(0, length));
    return {
      partitionIds: Array.from(this.loadStatsPartitionIds.subarray(0, length)),
      weights: cft.map((c, i) => (i === 0 ? c : c - cft[i - 1])),
      cumulativeFrequencyTable: cft,
    };
  }
}
