/** The runner's readable summary: what differs from Kafka's defaults, what happened, and the metrics table. */
import { effectiveValues, parseProducerConfig } from '../model/clients/producer/ProducerConfig';
import type { RunReport } from '../model/run/RunReport';

/** Metrics shown in the table, in this order, by Kafka name. */
const TABLE = [
  'record-send-rate',
  'record-error-rate',
  'record-retry-rate',
  'outgoing-byte-rate',
  'request-rate',
  'request-latency-avg',
  'request-latency-max',
  'batch-size-avg',
  'batch-size-max',
  'records-per-request-avg',
  'record-queue-time-avg',
  'record-queue-time-max',
  'compression-rate-avg',
  'buffer-available-bytes',
  'bufferpool-wait-time-ns-total',
  'requests-in-flight',
  'delivery-latency-p50',
  'delivery-latency-p99',
  'delivery-latency-max',
];

function defaultConfig(): Record<string, string> {
  const parsed = parseProducerConfig({});
  if (!parsed.ok) throw new Error('the default producer config does not resolve');
  return effectiveValues(parsed.config);
}

function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  const abs = Math.abs(v);
  return v.toLocaleString('en-US', { maximumFractionDigits: abs >= 100 ? 1 : abs >= 1 ? 3 : 4 });
}

export function formatSummary(query: string, r: RunReport): string {
  const out: string[] = [];
  const defaults = defaultConfig();
  out.push('Kafka Producer Explorer — simulated run');
  out.push(`scenario: ${query === '' ? '(all defaults)' : query}`);
  out.push(
    `seed ${r.seed} · ${r.cluster.brokers} brokers · topic "${r.topic}" with ${r.cluster.partitions} partitions · ` +
      `replication.factor ${r.cluster.replicationFactor} · min.insync.replicas ${r.cluster.minInsyncReplicas}`,
  );
  const diffs = Object.entries(r.config).filter(([k, v]) => defaults[k] !== v);
  out.push('');
  out.push(
    diffs.length === 0
      ? 'producer configs: all Kafka 4.x defaults'
      : 'producer configs that differ from Kafka 4.x defaults (after resolution):',
  );
  const width = Math.max(0, ...diffs.map(([k]) => k.length));
  for (const [k, v] of diffs) out.push(`  ${k.padEnd(width)} = ${v}   (default ${defaults[k]})`);
  for (const w of r.configWarnings) out.push(`  note: ${w}`);
  out.push('');
  const ended =
    r.end === 'closed' ? 'the producer closed after the last record' : 'duration reached';
  out.push(`simulated ${fmt(r.endMs)} ms (${ended})`);
  const t = r.totals;
  out.push(
    `records: sent ${fmt(t.sent)} · acked ${fmt(t.acked)} · failed ${fmt(t.failed)} · pending ${fmt(t.pending)}` +
      `   batches ${fmt(t.batches)} · requests ${fmt(t.requests)}`,
  );
  if (r.producerId !== null) out.push(`idempotent producer: producer id ${r.producerId}`);
  out.push('');
  out.push(`${'metric'.padEnd(32)}${'whole run'.padStart(16)}${'Kafka window'.padStart(16)}`);
  for (const name of TABLE) {
    out.push(
      `${name.padEnd(32)}${fmt(r.runMetrics[name]).padStart(16)}${fmt(r.metrics[name]).padStart(16)}`,
    );
  }
  out.push(
    '(Kafka window: rates over the last 2 × 30 s samples, as JMX shows them; latencies in ms)',
  );
  const failures = r.records.filter((x) => x.status === 'failed');
  if (failures.length > 0) {
    out.push('');
    out.push(`failed records (first ${Math.min(5, failures.length)} of ${fmt(t.failed)}):`);
    for (const f of failures.slice(0, 5)) out.push(`  rec-${f.id}: ${f.error}`);
  }
  for (const [name, values] of Object.entries(r.interceptors)) {
    out.push(
      `${name}: ${Object.entries(values)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
  out.push('');
  return out.join('\n');
}
