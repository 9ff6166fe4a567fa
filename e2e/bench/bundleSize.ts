/**
 * Gzipped JavaScript sizes of a Vite build, read from the built files themselves.
 * - Initial: what the browser must fetch before the page can run: the entry `<script type="module">`s of
 *   index.html, their `<link rel="modulepreload">`s, and (to be safe) every chunk they import statically.
 *   Lazily imported chunks (`import()`) and the worker are not initial.
 * - Worker: each `new Worker(new URL(…))` target found in the built JavaScript, plus its static imports.
 * Gzip at zlib's default level, as a web server would typically send it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsSize {
  /** Paths relative to the build folder, POSIX separators. */
  readonly files: readonly string[];
  readonly gzipBytes: number;
  readonly rawBytes: number;
}

export interface BundleSizes {
  readonly initial: JsSize;
  readonly worker: JsSize;
}

function attr(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`, 'i').exec(tag);
  return match ? match[2] : null;
}

/** URLs of the module entry scripts and module preloads in a built index.html, in document order. */
export function initialScriptUrls(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    const url = isScript ? attr(tag, 'src') : attr(tag, 'href');
    if (url === null) continue;
    if (isScript && attr(tag, 'type') === 'module') urls.push(url);
    if (!isScript && attr(tag, 'rel') === 'modulepreload') urls.push(url);
  }
  return urls;
}

/** Relative specifiers a module imports statically (`import … from "./x.js"`, `import "./x.js"`). */
export function staticImportSpecifiers(source: string): string[] {
  const found = new Set<string>();
  // `from"./x.js"` or `import"./x.js"` (no parenthesis: `import("./x.js")` is lazy).
  for (const m of source.matchAll(/(?:\bfrom|\bimport)\s*(["'`])(\.{1,2}\/[^"'`]+?\.js)\1/g)) {
    found.add(m[2]);
  }
  return [...found];
}

/** Script URLs passed to `new Worker(new URL(…))` / `new SharedWorker(…)` in a built chunk. */
export function workerUrls(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/new\s+(?:Shared)?Worker\(([^;]{0,400})/g)) {
    const literal = /(["'`])([^"'`]+?\.js)\1/.exec(m[1]);
    if (literal) found.add(literal[2]);
  }
  return [...found];
}

/** A URL as written in the build (`/assets/x.js`, `./x.js`, `x.js`) → a path relative to `outDir`. */
function resolveUrl(url: string, fromFile: string): string {
  const clean = url.split(/[?#]/)[0];
  if (clean.startsWith('/')) return clean.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromFile), clean));
}

function closure(outDir: string, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(outDir, file), 'utf8');
    for (const spec of staticImportSpecifiers(source)) queue.push(resolveUrl(spec, file));
  }
  return [...seen];
}

function sizeOf(outDir: string, files: readonly string[]): JsSize {
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(outDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes).length;
  }
  return { files: [...files].sort(), gzipBytes, rawBytes };
}

function allJs(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return allJs(path, root);
    return entry.name.endsWith('.js') ? [relative(root, path).split('\\').join('/')] : [];
  });
}

export function measureBundle(outDir: string): BundleSizes {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const initialRoots = initialScriptUrls(html).map((url) => resolveUrl(url, 'index.html'));
  const workerRoots = new Set<string>();
  for (const file of allJs(outDir)) {
    const source = readFileSync(join(outDir, file), 'utf8');
    for (const url of workerUrls(source)) workerRoots.add(resolveUrl(url, file));
  }
  return {
    initial: sizeOf(outDir, closure(outDir, initialRoots)),
    worker: sizeOf(outDir, closure(outDir, [...workerRoots])),
  };
}
