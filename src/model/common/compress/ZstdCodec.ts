/**
 * zstd through @bokuweb/zstd-wasm (ZSTD_compress, one frame per call), standing in for Kafka's ZstdCompression
 * (zstd-jni ZstdOutputStreamNoFinalizer at the configured level). The wasm loads once and asynchronously; after that
 * compression is synchronous. A one-shot frame records the content size in its header, which Kafka's streaming
 * frames do not (a few header bytes differ); the compressed blocks follow the same zstd algorithm and level.
 */

/** What we use of the package; its Node build ignores init's argument and reads the wasm file itself. */
interface ZstdWasm {
  init(source?: unknown): Promise<void>;
  compress(buf: Uint8Array, level?: number): Uint8Array;
  decompress(buf: Uint8Array, opts?: { defaultHeapSize?: number }): Uint8Array;
}

/**
 * Where the browser build should fetch the wasm from (a URL string or URL object), or its bytes; Node finds the file
 * on its own. `{ href }` stands for URL, which src/model's lib (ES2022, no DOM) does not declare.
 */
export type ZstdWasmSource = string | { readonly href: string } | ArrayBuffer | Uint8Array;

let zstd: ZstdWasm | null = null;
let loading: Promise<void> | null = null;

/** Loads the zstd wasm once; later calls return the same promise (a failed load may be retried). */
export function initZstd(wasmSource?: ZstdWasmSource): Promise<void> {
  if (loading === null) {
    loading = load(wasmSource).catch((e: unknown) => {
      loading = null;
      throw e;
    });
  }
  return loading;
}

async function load(wasmSource: ZstdWasmSource | undefined): Promise<void> {
  const ns = (await import('@bokuweb/zstd-wasm')) as unknown as ZstdWasm & { default?: ZstdWasm };
  // Node hands the CommonJS build over as a namespace whose named exports may sit on `default`.
  const mod = typeof ns.init === 'function' ? ns : ns.default;
  if (mod === undefined || typeof mod.compress !== 'function') {
    throw new Error('@bokuweb/zstd-wasm did not load');
  }
  await mod.init(toInitArgument(wasmSource));
  zstd = mod;
}

function toInitArgument(source: ZstdWasmSource | undefined): unknown {
  if (source === undefined || typeof source === 'string') return source;
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) return source;
  return source.href;
}

export function isZstdReady(): boolean {
  return zstd !== null;
}

function ready(): ZstdWasm {
  if (zstd === null) {
    throw new Error(
      'zstd is not initialised: await initCompression() before compressing with zstd',
    );
  }
  return zstd;
}

export function zstdCompress(bytes: Uint8Array, level: number): Uint8Array {
  return ready().compress(bytes, level);
}

export function zstdDecompress(bytes: Uint8Array): Uint8Array {
  return ready().decompress(bytes);
}
