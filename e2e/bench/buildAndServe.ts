/**
 * Builds the app into a fresh temporary folder and serves it with Vite's preview server on a free port, so the
 * benchmark never touches ./dist (other runs use it) and never collides with a dev or e2e server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface Served {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * `vite build --outDir <new temp folder>` with the project's own config; returns the folder. `minify: false` only
 * for profiling, so a CPU profile shows the source's function names.
 */
export async function buildApp(minify = true): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'kpe-bench-ui-'));
  await build({
    root: REPO_ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, ...(minify ? {} : { minify: false }) },
  });
  return outDir;
}

export function removeBuild(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** `vite preview --outDir <outDir> --port <free> --strictPort --host 127.0.0.1`. */
export async function serveBuild(outDir: string): Promise<Served> {
  const port = await freePort();
  const server = await preview({
    root: REPO_ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}
