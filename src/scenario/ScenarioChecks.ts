/**
 * The checks of a decoded scenario that involve more than one key: the producer configs through the model's
 * parseProducerConfig (a rejected config is dropped, so Kafka's default applies, and the loop repeats until the rest
 * resolve), then cluster/workload consistency. Each check reports on the key Kafka (or the explorer) names.
 */
import { parseProducerConfig } from '../model/clients/producer/ProducerConfig';
import { parseRules } from '../model/clients/producer/RuleBasedPartitioner';
import type { Problem, Scenario } from './Scenario';

/** Validates scenario.producer with Kafka's rules; returns the scenario without the rejected configs. */
export function checkProducer(scenario: Scenario, problems: Problem[]): Scenario {
  const producer: Record<string, string> = { ...scenario.producer };
  // Each round drops at least one key, so this ends; the bound is a guard.
  for (let round = 0; round <= Object.keys(scenario.producer).length; round++) {
    const result = parseProducerConfig(producer);
    if (result.ok) {
      for (const w of result.warningDetails) {
        problems.push({ key: w.key, value: w.value, message: w.message, severity: 'warning' });
      }
      checkPartitionNumbers(
        scenario,
        result.config.partitionerClass,
        result.config.partitionerRules,
        result.config.maxBlockMs,
        problems,
      );
      return { ...scenario, producer };
    }
    let dropped = false;
    for (const e of result.errors) {
      problems.push({ key: e.key, value: e.value, message: e.message, severity: 'error' });
      const culprit = culpritOf(e.key, producer);
      if (culprit !== null) {
        delete producer[culprit];
        dropped = true;
      }
      if (culprit !== null && culprit !== e.key) {
        problems.push({
          key: culprit,
          value: scenario.producer[culprit] ?? null,
          message: `${culprit} is not used because of the ${e.key} error above; using Kafka's default`,
          severity: 'error',
        });
      }
    }
    if (!dropped) break;
  }
  // Not reachable with Kafka's rules (every error names a given key); keep the run usable anyway.
  return { ...scenario, producer: {} };
}

/**
 * The given config to drop for an error. Every Kafka rule names a config the user gave, except the explorer's
 * "RuleBasedPartitioner needs rules", which names the missing partitioner.rules: drop the partitioner instead.
 */
function culpritOf(key: string, producer: Readonly<Record<string, string>>): string | null {
  if (Object.hasOwn(producer, key)) return key;
  if (key === 'partitioner.rules' && Object.hasOwn(producer, 'partitioner.class'))
    return 'partitioner.class';
  return null;
}

/** Partitions that do not exist are allowed, as in Kafka, but a learner should know what will happen. */
function checkPartitionNumbers(
  scenario: Scenario,
  partitionerClass: string | null,
  rules: string,
  maxBlockMs: number,
  problems: Problem[],
): void {
  const count = scenario.cluster.partitions;
  const partition = scenario.workload.partition;
  if (partition !== null && partition >= count) {
    problems.push({
      key: 'partition',
      value: String(partition),
      message:
        `Partition ${partition} does not exist, so every send fails after max.block.ms with TimeoutException: ` +
        `Partition ${partition} of topic ${scenario.topic} with partition count ${count} is not present in ` +
        `metadata after ${maxBlockMs} ms.`,
      severity: 'warning',
    });
  }
  if (partitionerClass !== 'RuleBasedPartitioner') return;
  for (const rule of parseRules(rules)) {
    if (rule.partition < 0) {
      problems.push({
        key: 'partitioner.rules',
        value: rules,
        message: `Rule "${rule.text}" gives a negative partition: its sends fail with IllegalArgumentException.`,
        severity: 'warning',
      });
    } else if (rule.partition >= count) {
      problems.push({
        key: 'partitioner.rules',
        value: rules,
        message:
          `Rule "${rule.text}" names partition ${rule.partition}, but the topic has ${count}: Kafka does not check a ` +
          'custom partitioner, so those records wait for a leader and expire after delivery.timeout.ms.',
        severity: 'warning',
      });
    }
  }
}

/** Cluster and workload settings that contradict each other. */
export function checkCrossSettings(scenario: Scenario, problems: Problem[]): Scenario {
  const { cluster, workload, cost } = scenario;
  let checked = scenario;
  if (cluster.minInsyncReplicas > cluster.replicationFactor) {
    problems.push({
      key: 'min.insync.replicas',
      value: String(cluster.minInsyncReplicas),
      message:
        `min.insync.replicas ${cluster.minInsyncReplicas} is larger than replication.factor ` +
        `${cluster.replicationFactor}: brokers use min(${cluster.minInsyncReplicas}, ${cluster.replicationFactor}) = ` +
        `${cluster.replicationFactor} (Kafka 3.7+).`,
      severity: 'warning',
    });
  }
  if (cost.replicaFetchWaitMaxMs > cluster.replicaLagTimeMaxMs) {
    const fixed = Math.min(500, cluster.replicaLagTimeMaxMs);
    problems.push({
      key: 'replica.fetch.wait.max.ms',
      value: String(cost.replicaFetchWaitMaxMs),
      message:
        'replica.fetch.wait.max.ms should always be less than or equal to replica.lag.time.max.ms to prevent ' +
        `frequent changes in ISR; using ${fixed}`,
      severity: 'error',
    });
    checked = { ...checked, cost: { ...cost, replicaFetchWaitMaxMs: fixed } };
  }
  if (workload.keyList !== null && workload.keys !== 0) {
    problems.push({
      key: 'keys',
      value: String(workload.keys),
      message: 'key.list is set, so keys is ignored',
      severity: 'warning',
    });
  }
  if (workload.keyList === null && workload.keys === 0 && workload.keyDistribution !== 'uniform') {
    problems.push({
      key: 'key.distribution',
      value: workload.keyDistribution,
      message: `key.distribution=${workload.keyDistribution} has no effect: keys=0 sends null keys`,
      severity: 'warning',
    });
  }
  const valueSerializer = scenario.producer['value.serializer']?.trim() ?? '';
  if (workload.valueContent === 'random' && !valueSerializer.endsWith('ByteArraySerializer')) {
    problems.push({
      key: 'value.content',
      value: 'random',
      message:
        'random values are byte[]: with value.serializer=StringSerializer every send fails with a ' +
        'SerializationException, as in Kafka; set ' +
        'value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer to send them',
      severity: 'warning',
    });
  }
  return checked;
}
