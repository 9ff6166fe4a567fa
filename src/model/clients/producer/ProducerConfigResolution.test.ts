// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type ParseProducerConfigResult,
  ProducerConfig,
  parseProducerConfig,
} from './ProducerConfig';
import { errorsOf, ok, warningsOf } from './ProducerConfigTestUtils';

describe('idempotence resolution (ProducerConfig.postProcessAndValidateIdempotenceConfigs, 4.x)', () => {
  const RETRIES_MSG = 'Must set retries to non-zero when using the idempotent producer.';
  const ACKS_MSG =
    'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.';
  const INFLIGHT_MSG =
    'To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is 6.';
  type Row = [
    idem: string | null,
    acks: string | null,
    retries: string | null,
    inFlight: string | null,
    expected: string,
  ];
  // expected: 'on' | 'off' | the error message (on the key Kafka names)
  const rows: Row[] = [
    [null, null, null, null, 'on'],
    [null, null, null, '6', INFLIGHT_MSG],
    [null, '1', null, '5', 'off'],
    [null, '1', null, '6', INFLIGHT_MSG],
    [null, '0', null, '5', 'off'],
    [null, '0', null, '6', INFLIGHT_MSG],
    [null, 'all', '0', '5', 'off'],
    [null, 'all', '0', '6', INFLIGHT_MSG],
    [null, '1', '0', '5', 'off'],
    [null, '1', '0', '6', INFLIGHT_MSG],
    ['true', 'all', null, '5', 'on'],
    ['true', 'all', null, '6', INFLIGHT_MSG],
    ['true', '-1', null, null, 'on'],
    ['true', '1', null, '5', ACKS_MSG],
    ['true', '1', null, '6', ACKS_MSG],
    ['true', '0', null, '5', ACKS_MSG],
    ['true', 'all', '0', '5', RETRIES_MSG],
    ['true', 'all', '0', '6', RETRIES_MSG],
    ['true', '1', '0', '5', RETRIES_MSG],
    ['false', 'all', null, '6', 'off'],
    ['false', '1', null, '6', 'off'],
    ['false', '0', '0', '6', 'off'],
    ['false', null, null, null, 'off'],
  ];

  it.each(rows)(
    'enable.idempotence=%s acks=%s retries=%s max.in.flight=%s → %s',
    (idem, acks, retries, inFlight, expected) => {
      const props: Record<string, string> = {};
      if (idem !== null) props['enable.idempotence'] = idem;
      if (acks !== null) props.acks = acks;
      if (retries !== null) props.retries = retries;
      if (inFlight !== null) props['max.in.flight.requests.per.connection'] = inFlight;
      const r = parseProducerConfig(props);
      if (expected === 'on' || expected === 'off') {
        expect(r.ok && r.config.enableIdempotence).toBe(expected === 'on');
      } else {
        const key =
          expected === RETRIES_MSG
            ? 'retries'
            : expected === ACKS_MSG
              ? 'acks'
              : 'max.in.flight.requests.per.connection';
        expect(r).toEqual({ ok: false, errors: [{ key, value: props[key], message: expected }] });
      }
    },
  );

  it('says why a default idempotence was disabled', () => {
    expect(warningsOf({ acks: '1' })).toEqual([
      "Idempotence will be disabled because acks is set to 1, not set to 'all'.",
    ]);
    expect(warningsOf({ retries: '0' })).toEqual([
      'Idempotence will be disabled because retries is set to 0.',
    ]);
  });

  it('transactional.id implies idempotence, and fails when idempotence is off', () => {
    const c = ok({ 'transactional.id': 'txn' });
    expect(c.enableIdempotence).toBe(true);
    expect(c.acks).toBe(-1);
    expect(c.retries).toBe(2147483647);
    expect(c.clientId).toBe('producer-txn');
    const message = 'Cannot set a transactional.id without also enabling idempotence.';
    const conflicts: Record<string, string>[] = [
      { 'enable.idempotence': 'false' },
      { acks: '0' },
      { retries: '0' },
    ];
    for (const extra of conflicts) {
      expect(errorsOf({ 'transactional.id': 'txn', ...extra })).toEqual([
        { key: 'transactional.id', value: 'txn', message },
      ]);
    }
  });

  it('keeps an explicit client.id, even an empty one', () => {
    expect(ok({ 'client.id': 'app' }).clientId).toBe('app');
    expect(ok({ 'client.id': '' }).clientId).toBe('');
  });
});

describe('delivery.timeout.ms ≥ linger.ms + request.timeout.ms (KafkaProducer.configureDeliveryTimeout)', () => {
  it('rejects an explicit delivery timeout that is too small', () => {
    expect(errorsOf({ 'delivery.timeout.ms': '30004' })).toEqual([
      {
        key: 'delivery.timeout.ms',
        value: '30004',
        message:
          'delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms',
      },
    ]);
    expect(ok({ 'delivery.timeout.ms': '30005' }).deliveryTimeoutMs).toBe(30005);
  });

  it('raises a default delivery timeout with a warning', () => {
    const r = parseProducerConfig({ 'request.timeout.ms': '200000', 'linger.ms': '100' });
    expect(r.ok && r.config.deliveryTimeoutMs).toBe(200100);
    expect(r.ok && r.warnings).toEqual([
      'delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms. Setting it to 200100.',
    ]);
  });

  it('caps linger.ms to an int before adding, and the sum to Integer.MAX_VALUE', () => {
    expect(ok({ 'linger.ms': '9223372036854775807' }).deliveryTimeoutMs).toBe(2147483647);
  });
});

describe('other rules', () => {
  it('turns batch.size 0 into 1', () => {
    expect(ok({ 'batch.size': '0' }).batchSize).toBe(1);
  });

  it('warns when retry.backoff.ms exceeds retry.backoff.max.ms', () => {
    expect(warningsOf({ 'retry.backoff.ms': '2000' })).toEqual([
      "Configuration 'retry.backoff.ms' with value '2000' is greater than configuration 'retry.backoff.max.ms' " +
        "with value '1000'. A static backoff with value '1000' will be applied.",
    ]);
  });

  it('records which keys were explicit', () => {
    expect([...ok({ 'linger.ms': '5', foo: 'x' }).explicit]).toEqual(['linger.ms']);
  });

  it('keys each warning for UIs', () => {
    const r: ParseProducerConfigResult = parseProducerConfig({ acks: '1' });
    expect(r.ok && r.warningDetails).toEqual([
      {
        key: 'acks',
        value: '1',
        message: "Idempotence will be disabled because acks is set to 1, not set to 'all'.",
      },
    ]);
  });

  it('offers the Kafka-shaped ProducerConfig.parse', () => {
    const bad = ProducerConfig.parse({ 'max.in.flight.requests.per.connection': '6' });
    expect('error' in bad && bad.error.message).toBe(
      'To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is 6.',
    );
    expect('config' in ProducerConfig.parse({ 'max.in.flight.requests.per.connection': '5' })).toBe(
      true,
    );
    expect(ProducerConfig.configNames()).toContain('partitioner.rules');
  });
});
