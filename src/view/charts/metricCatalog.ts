/**
 * The live charts, one per metric of issue 5's list, under the Java producer's metric names: what each means in one
 * line (Kafka's own description, sharpened where the explorer's model says more), its unit, and the line(s) drawn.
 * Delivery latency is the explorer's own (send() → callback); Kafka has no such metric.
 */
import type { MetricUnit } from './chartFormat';

export interface SeriesSpec {
  /** The Kafka metric name in snapshot.metrics (and the `metric-<name>` test id of its value). */
  readonly metric: string;
  /** Told apart by this text and the dash pattern, never by colour alone. */
  readonly label: string;
  readonly dashed: boolean;
  readonly colour: string;
}

export interface ChartSpec {
  readonly id: string;
  /** The Kafka name, as the chart's title. */
  readonly title: string;
  readonly meaning: string;
  readonly unit: MetricUnit;
  /** The unit in words, beside the title. */
  readonly unitText: string;
  readonly series: readonly SeriesSpec[];
  /** Gauges hold their value until the next reading: drawn as steps, not slopes. */
  readonly step: boolean;
}

/** Okabe–Ito hues that keep ≥ 3:1 against both themes' panels (the orange and yellow do not on white). */
const LINE_COLOURS = ['var(--cat-0)', 'var(--cat-5)', 'var(--cat-2)', 'var(--cat-3)'];

interface Entry {
  readonly metric: string;
  readonly meaning: string;
  readonly unit: MetricUnit;
  readonly unitText: string;
  readonly step?: boolean;
}

const SINGLE: readonly Entry[] = [
  {
    metric: 'record-send-rate',
    meaning: 'records sent per second; a retried batch counts again',
    unit: 'records/s',
    unitText: 'records per second',
  },
  {
    metric: 'outgoing-byte-rate',
    meaning: 'bytes of produce requests written to the brokers per second',
    unit: 'bytes/s',
    unitText: 'bytes per second',
  },
  {
    metric: 'batch-size-avg',
    meaning: 'average bytes per batch sent, per partition request (compressed)',
    unit: 'bytes',
    unitText: 'bytes',
  },
  {
    metric: 'records-per-request-avg',
    meaning: 'average records carried by one produce request',
    unit: 'records',
    unitText: 'records',
  },
  {
    metric: 'compression-rate-avg',
    meaning: 'average compressed ÷ uncompressed batch size (1 = none)',
    unit: 'ratio',
    unitText: 'ratio',
  },
  {
    metric: 'request-latency-avg',
    meaning: 'average time from sending a produce request to its response',
    unit: 'ms',
    unitText: 'ms',
  },
  {
    metric: 'record-queue-time-avg',
    meaning: 'average time batches wait in the RecordAccumulator until drained',
    unit: 'ms',
    unitText: 'ms',
  },
];

const GAUGES_AND_ERRORS: readonly Entry[] = [
  {
    metric: 'buffer-available-bytes',
    meaning: 'buffer.memory not in use (free, or never allocated)',
    unit: 'bytes',
    unitText: 'bytes',
    step: true,
  },
  {
    metric: 'requests-in-flight',
    meaning: 'produce requests sent and still waiting for their response',
    unit: 'requests',
    unitText: 'requests',
    step: true,
  },
  {
    metric: 'record-retry-rate',
    meaning: 'record sends retried per second (after a retriable error)',
    unit: 'records/s',
    unitText: 'records per second',
  },
  {
    metric: 'record-error-rate',
    meaning: 'record sends per second that ended in an error',
    unit: 'records/s',
    unitText: 'records per second',
  },
];

function single(entry: Entry, index: number): ChartSpec {
  return {
    id: entry.metric,
    title: entry.metric,
    meaning: entry.meaning,
    unit: entry.unit,
    unitText: entry.unitText,
    step: entry.step ?? false,
    series: [
      {
        metric: entry.metric,
        label: entry.metric,
        dashed: false,
        colour: LINE_COLOURS[index % LINE_COLOURS.length],
      },
    ],
  };
}

const DELIVERY_LATENCY: ChartSpec = {
  id: 'delivery-latency',
  title: 'delivery-latency-p50 / -p99',
  meaning: 'send() to callback over the run, p50 and p99 (explorer’s own)',
  unit: 'ms',
  unitText: 'ms',
  step: false,
  series: [
    { metric: 'delivery-latency-p50', label: 'p50', dashed: false, colour: LINE_COLOURS[0] },
    { metric: 'delivery-latency-p99', label: 'p99', dashed: true, colour: LINE_COLOURS[1] },
  ],
};

/** Throughput first, then sizes, latencies, memory and trouble: the order a learner reads the pipeline in. */
export const CHARTS: readonly ChartSpec[] = [
  ...SINGLE.map(single),
  DELIVERY_LATENCY,
  ...GAUGES_AND_ERRORS.map((e, i) => single(e, SINGLE.length + 1 + i)),
];
