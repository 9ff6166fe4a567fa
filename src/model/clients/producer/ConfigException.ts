/**
 * A configuration error with Kafka's wording. Mirrors org.apache.kafka.common.config.ConfigException, including
 * its `Invalid value <v> for configuration <name>: <reason>` form. Leaves out the KafkaException hierarchy.
 */
export class ConfigException extends Error {
  /** The configuration the error is about (Kafka names it in the message); null for a message-only exception. */
  readonly configName: string | null;
  /** The offending value as Kafka prints it (`String.valueOf`), or null. */
  readonly configValue: string | null;

  /** `new ConfigException(message)` or `new ConfigException(name, value, message?)`, as in Kafka. */
  constructor(
    nameOrMessage: string,
    ...valueAndMessage: [] | [value: unknown, message?: string | null]
  ) {
    const withValue = valueAndMessage.length > 0;
    const [value, message] = valueAndMessage;
    super(
      withValue
        ? `Invalid value ${javaString(value)} for configuration ${nameOrMessage}${message == null ? '' : `: ${message}`}`
        : nameOrMessage,
    );
    this.name = 'ConfigException';
    this.configName = withValue ? nameOrMessage : null;
    this.configValue = withValue ? javaString(value) : null;
  }
}

/** One configuration problem, as reported to the UI and the runner: the key Kafka names, the raw value, the message. */
export interface ConfigError {
  readonly key: string;
  readonly value: string | null;
  readonly message: string;
}

/** How Java's string concatenation prints a parsed config value (lists as `[a, b]`, null as `null`). */
export function javaString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  return String(value);
}
