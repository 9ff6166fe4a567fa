/**
 * The codecs a producer can use, their attribute ids (bits 0–2 of the batch attributes) and compression levels
 * (KIP-390, 3.8+), as org.apache.kafka.common.record.CompressionType with the level bounds of its Compression
 * builders. Leaves out the codec streams themselves (see Compression.ts).
 */

export type CompressionType = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

export interface CompressionTypeInfo {
  readonly name: CompressionType;
  /** Attribute id written in bits 0–2 of RecordBatch.attributes. */
  readonly id: number;
  /** The producer config that sets the level, or null when the codec has no level. */
  readonly levelConfig: string | null;
  /** Kafka's default level (gzip: −1 = zlib's default, which is 6), or null. */
  readonly defaultLevel: number | null;
  readonly minLevel: number | null;
  readonly maxLevel: number | null;
}

export const COMPRESSION_TYPES: readonly CompressionType[] = [
  'none',
  'gzip',
  'snappy',
  'lz4',
  'zstd',
];

export const COMPRESSION_TYPE_INFO: Readonly<Record<CompressionType, CompressionTypeInfo>> = {
  none: {
    name: 'none',
    id: 0,
    levelConfig: null,
    defaultLevel: null,
    minLevel: null,
    maxLevel: null,
  },
  gzip: {
    name: 'gzip',
    id: 1,
    levelConfig: 'compression.gzip.level',
    defaultLevel: -1,
    minLevel: 1,
    maxLevel: 9,
  },
  snappy: {
    name: 'snappy',
    id: 2,
    levelConfig: null,
    defaultLevel: null,
    minLevel: null,
    maxLevel: null,
  },
  lz4: {
    name: 'lz4',
    id: 3,
    levelConfig: 'compression.lz4.level',
    defaultLevel: 9,
    minLevel: 1,
    maxLevel: 17,
  },
  zstd: {
    name: 'zstd',
    id: 4,
    levelConfig: 'compression.zstd.level',
    defaultLevel: 3,
    minLevel: -131072,
    maxLevel: 22,
  },
};

/** zlib's Z_DEFAULT_COMPRESSION (−1) means level 6. */
export const GZIP_DEFAULT_EFFECTIVE_LEVEL = 6;

/** The attribute id (0..4) of a codec. */
export function compressionTypeId(type: CompressionType): number {
  return COMPRESSION_TYPE_INFO[type].id;
}

/** The codec for an attribute id, as CompressionType.forId (IllegalArgumentException text kept). */
export function compressionTypeForId(id: number): CompressionType {
  const type = COMPRESSION_TYPES[id];
  if (type === undefined) throw new Error(`Unknown compression type id: ${id}`);
  return type;
}

/** The codec for a config value, as CompressionType.forName (exact lower-case names). */
export function compressionTypeForName(name: string): CompressionType {
  if ((COMPRESSION_TYPES as readonly string[]).includes(name)) return name as CompressionType;
  throw new Error(`Unknown compression name: ${name}`);
}

/**
 * Whether `level` is accepted for the codec, as the Compression builders check it: gzip 1..9 or −1, lz4 1..17,
 * zstd −131072..22; codecs without levels accept nothing.
 */
export function isValidLevel(type: CompressionType, level: number): boolean {
  const info = COMPRESSION_TYPE_INFO[type];
  if (info.minLevel === null || info.maxLevel === null || !Number.isInteger(level)) return false;
  return (level >= info.minLevel && level <= info.maxLevel) || level === info.defaultLevel;
}

/**
 * The level the codec actually runs at: null → the codec default, gzip −1 → 6; null for codecs without levels.
 * Throws Kafka's message ("gzip doesn't support given compression level: 0") for an invalid level.
 */
export function effectiveLevel(type: CompressionType, level: number | null): number | null {
  const info = COMPRESSION_TYPE_INFO[type];
  if (info.defaultLevel === null) return null;
  const l = level ?? info.defaultLevel;
  if (!isValidLevel(type, l)) {
    throw new Error(`${type} doesn't support given compression level: ${l}`);
  }
  return type === 'gzip' && l === -1 ? GZIP_DEFAULT_EFFECTIVE_LEVEL : l;
}
