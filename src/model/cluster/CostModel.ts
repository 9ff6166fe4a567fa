/**
 * The simulation's cost model: how long the network, the producer's CPU and the brokers' CPU take. Simulation-only
 * (Kafka has no such object; these numbers stand in for hardware). Built from the scenario's dotted cost keys.
 * The defaults stand for the hardware of Jay Kreps' 2014 benchmark (6-core 2.5 GHz Xeons, 1 Gb Ethernet) and were
 * calibrated against his three single-producer tests: see ../CALIBRATION.md for each value's reasoning.
 * Left out: jitter, GC pauses, disk flushes and page-cache effects, TCP slow start, NIC sharing between links (the
 * bandwidth default is a per-flow share instead), a broker's several request-handler threads (one FIFO CPU per broker for leader work; each replica fetcher
 * appends on its own thread).
 */

export interface CostModel {
  /** `net.latency.ms`: one-way latency of every link (producer↔broker, broker↔broker), stack included, ms. */
  readonly netLatencyMs: number;
  /** `net.bandwidth.mbps`: bandwidth of each link direction, Mbit/s (default 313: 1 GbE's ~940 shared by 3 flows). */
  readonly netBandwidthMbps: number;
  /** `producer.cpu.record.us`: producer CPU per record in send() (serialize, partition, append), µs. */
  readonly producerCpuRecordUs: number;
  /** `producer.cpu.byte.ns`: producer CPU per record byte (copy into the batch, checksum), ns. */
  readonly producerCpuByteNs: number;
  /** `broker.append.batch.us`: broker CPU per batch appended (validation, offset assignment, log write), µs. */
  readonly brokerAppendBatchUs: number;
  /** `broker.append.byte.ns`: broker CPU per batch byte (CRC, per-record validation, copy into the log), ns. */
  readonly brokerAppendByteNs: number;
  /** `replica.fetch.wait.max.ms`: how long a leader holds a follower's fetch when it has no new data, ms. */
  readonly replicaFetchWaitMaxMs: number;
}

interface CostKey {
  readonly field: keyof CostModel;
  readonly defaultValue: number;
  readonly doc: string;
}

/** Every cost key by its scenario name, with its default and a one-line doc (the README lists these). */
export const COST_MODEL_KEYS: Readonly<Record<string, CostKey>> = {
  'net.latency.ms': {
    field: 'netLatencyMs',
    defaultValue: 0.5,
    doc: 'One-way latency of each network link (producer↔broker and broker↔broker), network stack included, in ms.',
  },
  'net.bandwidth.mbps': {
    field: 'netBandwidthMbps',
    defaultValue: 313,
    doc: 'Bandwidth of each link direction in megabit/s (default: a third of 1 GbE, as 3 flows share a NIC).',
  },
  'producer.cpu.record.us': {
    field: 'producerCpuRecordUs',
    defaultValue: 1.1,
    doc: 'Producer CPU per record in send() (serialize, partition, append), in µs.',
  },
  'producer.cpu.byte.ns': {
    field: 'producerCpuByteNs',
    defaultValue: 1.2,
    doc: 'Producer CPU per record byte (copy into the batch, checksum), in ns.',
  },
  'broker.append.batch.us': {
    field: 'brokerAppendBatchUs',
    defaultValue: 10,
    doc: 'Broker CPU per appended batch (validation, offsets, log write), in µs; brokers work FIFO.',
  },
  'broker.append.byte.ns': {
    field: 'brokerAppendByteNs',
    defaultValue: 14,
    doc: 'Broker CPU per appended byte (CRC check, per-record validation, copy), in ns; followers too.',
  },
  'replica.fetch.wait.max.ms': {
    field: 'replicaFetchWaitMaxMs',
    defaultValue: 500,
    doc: "Max time a leader holds a follower's fetch when there is no new data (long poll), in ms.",
  },
};

export const DEFAULT_COST_MODEL: CostModel = Object.freeze(
  Object.fromEntries(Object.values(COST_MODEL_KEYS).map((k) => [k.field, k.defaultValue])),
) as unknown as CostModel;

/**
 * Builds a cost model from dotted keys; missing keys take their defaults.
 * @throws Error naming the key for an unknown key, or a value that is not a finite number ≥ 0
 *   (bandwidth must be > 0).
 */
export function costModelFrom(values: Readonly<Record<string, number>>): CostModel {
  const out: Record<string, number> = { ...DEFAULT_COST_MODEL };
  for (const [name, value] of Object.entries(values)) {
    const key = COST_MODEL_KEYS[name];
    if (key === undefined) {
      throw new Error(
        `Unknown cost key '${name}'. Known keys: ${Object.keys(COST_MODEL_KEYS).join(', ')}`,
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(
        `Invalid value ${value} for cost key '${name}': must be a finite number >= 0`,
      );
    }
    if (key.field === 'netBandwidthMbps' && value === 0) {
      throw new Error(`Invalid value 0 for cost key '${name}': must be > 0`);
    }
    out[key.field] = value;
  }
  return Object.freeze(out) as unknown as CostModel;
}

/** Link bandwidth in bytes per simulated ms (1 Mbps = 125 bytes/ms). */
export function bandwidthBytesPerMs(cost: CostModel): number {
  return cost.netBandwidthMbps * 125;
}

/** Broker CPU time (ms) to append (or validate) one batch of `sizeInBytes` bytes. */
export function brokerAppendCostMs(cost: CostModel, sizeInBytes: number): number {
  return cost.brokerAppendBatchUs / 1000 + (sizeInBytes * cost.brokerAppendByteNs) / 1e6;
}

/** Producer CPU time (ms) spent in send() for one record of `sizeInBytes` bytes. */
export function producerRecordCostMs(cost: CostModel, sizeInBytes: number): number {
  return cost.producerCpuRecordUs / 1000 + (sizeInBytes * cost.producerCpuByteNs) / 1e6;
}
