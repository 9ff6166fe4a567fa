/** Test helpers: parse producer configs and expect success (the config, its warnings) or failure (its errors). */
import type { ConfigError } from './ConfigException';
import { parseProducerConfig, type ResolvedProducerConfig } from './ProducerConfig';

export function ok(props: Record<string, string>): ResolvedProducerConfig {
  const r = parseProducerConfig(props);
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.config;
}

export function errorsOf(props: Record<string, string>): ConfigError[] {
  const r = parseProducerConfig(props);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

export function warningsOf(props: Record<string, string>): string[] {
  const r = parseProducerConfig(props);
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.warnings;
}
