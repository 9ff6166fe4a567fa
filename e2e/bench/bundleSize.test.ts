// @vitest-environment node
/** Initial and worker JavaScript, read from a built folder the way Vite lays it out. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { initialScriptUrls, measureBundle, staticImportSpecifiers, workerUrls } from './bundleSize';

const HTML = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-A1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor-B2.js">
<link rel="stylesheet" crossorigin href="/assets/index-C3.css">
<link rel="icon" href="/favicon.svg">
</head><body><script src="/legacy.js"></script></body></html>`;

test('entry module scripts and module preloads are initial; styles, icons and classic scripts are not', () => {
  expect(initialScriptUrls(HTML)).toEqual(['/assets/index-A1.js', '/assets/vendor-B2.js']);
});

test('static imports are followed, lazy import() calls are not', () => {
  const source =
    'import{a as b}from"./vendor-B2.js";import"./side-D4.js";const l=()=>import("./lazy-E5.js");';
  expect(staticImportSpecifiers(source)).toEqual(['./vendor-B2.js', './side-D4.js']);
});

test('worker scripts are found in new Worker(new URL(…)) calls, minified or not', () => {
  expect(
    workerUrls(
      'const w=new Worker(new URL(`/assets/simulation.worker-F6.js`,import.meta.url),{type:`module`})',
    ),
  ).toEqual(['/assets/simulation.worker-F6.js']);
  expect(
    workerUrls(
      'new Worker(new URL("" + new URL("w-G7.js", import.meta.url).href, import.meta.url))',
    ),
  ).toEqual(['w-G7.js']);
});

test('sizes: the initial closure without lazy chunks or the worker; the worker with its own chunks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpe-bundle-test-'));
  try {
    mkdirSync(join(dir, 'assets'));
    const files: Record<string, string> = {
      'index.html': HTML,
      'assets/index-A1.js':
        'import"./vendor-B2.js";import"./side-D4.js";import("./lazy-E5.js");' +
        'new Worker(new URL("/assets/w-F6.js",import.meta.url),{type:"module"});',
      'assets/vendor-B2.js': 'export const v=1;'.repeat(50),
      'assets/side-D4.js': 'console.log(1)',
      'assets/lazy-E5.js': 'export const lazy=2;'.repeat(500),
      'assets/w-F6.js': 'import{c}from"./codec-H8.js";self.onmessage=()=>c();',
      'assets/codec-H8.js': 'export function c(){return 3}',
    };
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    const gz = (...paths: string[]) =>
      paths.reduce((sum, p) => sum + gzipSync(Buffer.from(files[p])).length, 0);

    const sizes = measureBundle(dir);
    expect(sizes.initial.files).toEqual([
      'assets/index-A1.js',
      'assets/side-D4.js',
      'assets/vendor-B2.js',
    ]);
    expect(sizes.initial.gzipBytes).toBe(
      gz('assets/index-A1.js', 'assets/vendor-B2.js', 'assets/side-D4.js'),
    );
    expect(sizes.worker.files).toEqual(['assets/codec-H8.js', 'assets/w-F6.js']);
    expect(sizes.worker.gzipBytes).toBe(gz('assets/w-F6.js', 'assets/codec-H8.js'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
