/**
 * The two serializers a scenario can pick, mirroring org.apache.kafka.common.serialization.StringSerializer
 * (UTF-8) and ByteArraySerializer (bytes as they are). The simulated application hands over values already as
 * bytes, tagged with the Java type it would have passed (String or byte[]); a serializer given the other type fails
 * the way KafkaProducer.doSend reports a ClassCastException: a SerializationException naming both classes.
 */
export const STRING_SERIALIZER = 'org.apache.kafka.common.serialization.StringSerializer';
export const BYTE_ARRAY_SERIALIZER = 'org.apache.kafka.common.serialization.ByteArraySerializer';

/** The Java type of a key or value as the application passed it. */
export type JavaType = 'String' | 'byte[]';

const JAVA_CLASS_NAME: Record<JavaType, string> = { String: 'java.lang.String', 'byte[]': '[B' };

export class SerializationException extends Error {
  readonly exceptionName = 'SerializationException';
}

/**
 * Serializes `bytes` (UTF-8 for a String, raw for byte[]) with the configured serializer class. Returns the bytes
 * unchanged (null stays null) or throws SerializationException with Kafka's wording.
 */
export function serialize(
  which: 'key' | 'value',
  serializerClass: string,
  type: JavaType,
  bytes: Uint8Array | null,
): Uint8Array | null {
  if (bytes === null) return null;
  const accepts: JavaType = serializerClass === BYTE_ARRAY_SERIALIZER ? 'byte[]' : 'String';
  if (type !== accepts) {
    throw new SerializationException(
      `Can't convert ${which} of class ${JAVA_CLASS_NAME[type]} to class ${serializerClass} specified in ${which}.serializer`,
    );
  }
  return bytes;
}
