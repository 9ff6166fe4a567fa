// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { effectiveValues, parseProducerConfig } from '../model/clients/producer/ProducerConfig';
import { PRODUCER_CONFIG_KEYS } from '../model/clients/producer/ProducerConfigKeys';
import {
  choiceFor,
  effectiveDiffers,
  PRODUCER_CONFIG_GROUPS,
  PRODUCER_CONFIGS,
  producerConfig,
} from './ConfigTable';

function effective(producer: Record<string, string>): Record<string, string> {
  const parsed = parseProducerConfig(producer);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return effectiveValues(parsed.config);
}

describe('ConfigTable', () => {
  it('has one row per model config, in the model order, each in a known group', () => {
    expect(PRODUCER_CONFIGS.map((c) => c.name)).toEqual(PRODUCER_CONFIG_KEYS.map((k) => k.name));
    for (const c of PRODUCER_CONFIGS) expect(PRODUCER_CONFIG_GROUPS).toContain(c.group);
  });

  it("prints defaults as Kafka's docs do, class names in their simple form", () => {
    expect(producerConfig('linger.ms')?.defaultText).toBe('5');
    expect(producerConfig('acks')?.defaultText).toBe('all');
    expect(producerConfig('client.id')?.defaultText).toBe('""');
    expect(producerConfig('transactional.id')?.defaultText).toBe('null');
    expect(producerConfig('partitioner.class')?.defaultText).toBe('null');
    expect(producerConfig('key.serializer')?.defaultText).toBe('StringSerializer');
  });

  it('picks a control by type, with the choices Kafka accepts', () => {
    expect(producerConfig('batch.size')).toMatchObject({ control: 'number', min: 0, max: null });
    expect(producerConfig('compression.lz4.level')).toMatchObject({ min: 1, max: 17 });
    expect(producerConfig('enable.idempotence')?.control).toBe('boolean');
    expect(producerConfig('compression.type')?.choices?.map((c) => c.value)).toEqual([
      'none',
      'gzip',
      'snappy',
      'lz4',
      'zstd',
    ]);
    expect(producerConfig('partitioner.class')?.choices?.map((c) => c.value)).toEqual([
      'RoundRobinPartitioner',
      'UniformStickyPartitioner',
      'DefaultPartitioner',
      'RuleBasedPartitioner',
    ]);
    expect(producerConfig('value.serializer')?.choices?.map((c) => c.value)).toEqual([
      'StringSerializer',
      'ByteArraySerializer',
    ]);
    expect(producerConfig('interceptor.classes')?.control).toBe('text');
    expect(producerConfig('no.such.config')).toBeUndefined();
  });

  it('every choice is a value Kafka accepts', () => {
    for (const c of PRODUCER_CONFIGS) {
      for (const choice of c.choices ?? []) {
        expect(
          parseProducerConfig({ [c.name]: choice.value }).ok,
          `${c.name}=${choice.value}`,
        ).toBe(c.name !== 'partitioner.class' || choice.value !== 'RuleBasedPartitioner');
      }
    }
  });

  it('maps any accepted spelling to its choice', () => {
    expect(
      choiceFor('value.serializer', 'org.apache.kafka.common.serialization.ByteArraySerializer'),
    ).toBe('ByteArraySerializer');
    expect(choiceFor('partitioner.ignore.keys', ' TRUE ')).toBe('true');
    expect(choiceFor('acks', '-1')).toBe('all');
    expect(choiceFor('partitioner.class', 'NoSuchPartitioner')).toBeUndefined();
  });

  it('sees no difference where Kafka only reprints the value', () => {
    const eff = effective({
      acks: 'all',
      'key.serializer': 'StringSerializer',
      'linger.ms': ' 20 ',
    });
    expect(effectiveDiffers('acks', 'all', eff.acks)).toBe(false);
    expect(effectiveDiffers('acks', undefined, eff.acks)).toBe(false);
    expect(effectiveDiffers('key.serializer', 'StringSerializer', eff['key.serializer'])).toBe(
      false,
    );
    expect(effectiveDiffers('linger.ms', ' 20 ', eff['linger.ms'])).toBe(false);
    expect(effectiveDiffers('partitioner.class', undefined, eff['partitioner.class'])).toBe(false);
  });

  it('sees where Kafka resolved a value of its own', () => {
    const eff = effective({ acks: '1' });
    expect(effectiveDiffers('enable.idempotence', undefined, eff['enable.idempotence'])).toBe(true);
    expect(effectiveDiffers('client.id', undefined, eff['client.id'])).toBe(true);
    const raised = effective({ 'linger.ms': '100000' });
    expect(effectiveDiffers('delivery.timeout.ms', undefined, raised['delivery.timeout.ms'])).toBe(
      true,
    );
  });
});
