// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  BYTE_ARRAY_SERIALIZER,
  SerializationException,
  STRING_SERIALIZER,
  serialize,
} from './Serializers';

const bytes = new TextEncoder().encode('user-123');

describe('serializers', () => {
  it('StringSerializer passes UTF-8 of a String and keeps null as null', () => {
    expect(serialize('key', STRING_SERIALIZER, 'String', bytes)).toBe(bytes);
    expect(serialize('key', STRING_SERIALIZER, 'String', null)).toBeNull();
  });

  it('ByteArraySerializer passes byte[]', () => {
    expect(serialize('value', BYTE_ARRAY_SERIALIZER, 'byte[]', bytes)).toBe(bytes);
  });

  it('fails with a SerializationException in KafkaProducer.doSend wording on a type mismatch', () => {
    expect(() => serialize('value', STRING_SERIALIZER, 'byte[]', bytes)).toThrow(
      SerializationException,
    );
    expect(() => serialize('value', STRING_SERIALIZER, 'byte[]', bytes)).toThrow(
      "Can't convert value of class [B to class org.apache.kafka.common.serialization.StringSerializer specified in value.serializer",
    );
    expect(() => serialize('key', BYTE_ARRAY_SERIALIZER, 'String', bytes)).toThrow(
      "Can't convert key of class java.lang.String to class org.apache.kafka.common.serialization.ByteArraySerializer specified in key.serializer",
    );
  });
});
