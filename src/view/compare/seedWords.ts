/**
 * The seed's qualitative words (kafka-producers.txt: ACKS COMPARISON, Compression Comparison, §12 best practices),
 * shown beside the measured numbers as "seed says", so a learner can hold the claim against the measurement.
 */

export interface AcksSeedWords {
  readonly durability: string;
  readonly latency: string;
  readonly throughput: string;
  readonly risk: string;
}

/** ACKS COMPARISON, by the acks value as the table labels it. */
export const SEED_ACKS: Readonly<Record<string, AcksSeedWords>> = {
  '0': { durability: 'None', latency: 'Lowest', throughput: 'Highest', risk: 'High' },
  '1': { durability: 'Medium', latency: 'Medium', throughput: 'Medium', risk: 'Medium' },
  all: { durability: 'Highest', latency: 'Highest', throughput: 'Lowest', risk: 'Lowest' },
};

export interface CompressionSeedWords {
  readonly cpu: string;
  readonly ratio: string;
  readonly speed: string;
}

/** Compression Comparison, by compression.type. */
export const SEED_COMPRESSION: Readonly<Record<string, CompressionSeedWords>> = {
  none: { cpu: 'None', ratio: '1:1', speed: 'Fastest' },
  snappy: { cpu: 'Low', ratio: 'Good', speed: 'Fast' },
  lz4: { cpu: 'Low', ratio: 'Good', speed: 'Very Fast' },
  gzip: { cpu: 'High', ratio: 'Best', speed: 'Slow' },
  zstd: { cpu: 'Medium', ratio: 'Best', speed: 'Fast' },
};

/** §12 "Configure for your use case": what each recommended configuration is for, by preset id. */
export const SEED_RECOMMENDED: Readonly<Record<string, string>> = {
  'high-throughput': 'High throughput (logs, metrics)',
  'high-durability': 'High durability (financial, critical data)',
  'low-latency': 'Low latency',
};
