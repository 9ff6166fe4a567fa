// @vitest-environment node
/**
 * The rooms of src/ and who may import whom (docs: src/README.md). Reads every import of every source file, so the
 * boundaries are checked by machine, not by memory.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname);

/** room → rooms it may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  scenario: ['model', 'lib'],
  protocol: ['model', 'scenario'],
  worker: ['model', 'scenario', 'protocol', 'lib'],
  client: ['protocol', 'lib', 'model', 'scenario'],
  store: ['scenario', 'lib', 'protocol', 'model'],
  view: ['store', 'scenario', 'lib', 'protocol', 'model'],
  cli: ['model', 'scenario', 'lib'],
  lib: [],
  types: [],
};

/** Rooms that may only take types (import type) from these rooms. */
const TYPE_ONLY: Record<string, readonly string[]> = {
  protocol: ['model', 'scenario'],
  client: ['model', 'scenario'],
  store: ['model', 'protocol'],
  view: ['model', 'protocol'],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function roomOf(file: string): string | null {
  const rel = relative(SRC, file);
  const first = rel.split(/[\\/]/)[0];
  return rel.includes('/') || rel.includes('\\') ? first : null;
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

/** Tests, and view/testing (helpers only tests import): they may build snapshots with the model itself. */
function isTestSupport(file: string): boolean {
  return /\.test\.tsx?$/.test(file) || file.includes(join('src', 'view', 'testing'));
}

describe('architecture', () => {
  const files = sourceFiles(SRC);

  it('finds the source files', () => {
    expect(files.some((f) => f.includes(`${join('src', 'model')}`))).toBe(true);
  });

  it('keeps every import inside the rooms the table allows', () => {
    const violations: string[] = [];
    for (const file of files) {
      if (isTestSupport(file)) continue;
      const room = roomOf(file);
      if (!room) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[3] ?? m[4];
        const typeOnly = Boolean(m[2]);
        if (!spec.startsWith('.')) continue;
        const target = roomOf(resolve(dirname(file), spec));
        if (!target || target === room) continue;
        const allowed = ALLOWED[room] ?? [];
        if (!allowed.includes(target)) {
          violations.push(`${relative(SRC, file)} imports ${spec} (${room} → ${target})`);
        } else if ((TYPE_ONLY[room] ?? []).includes(target) && !typeOnly) {
          violations.push(`${relative(SRC, file)} imports values from ${target}: use import type`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('lets only tests import the test support in view/testing', () => {
    const hits: string[] = [];
    for (const file of files) {
      if (isTestSupport(file)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = m[3] ?? m[4];
        if (
          spec.startsWith('.') &&
          resolve(dirname(file), spec).includes(join('view', 'testing'))
        ) {
          hits.push(`${relative(SRC, file)} imports ${spec}`);
        }
      }
    }
    expect(hits).toEqual([]);
  });

  it('keeps src/model free of wall clocks, ambient randomness, timers and the DOM', () => {
    const banned =
      /\b(Math\.random|Date\b|performance\.|setTimeout|setInterval|requestAnimationFrame|window\.|document\.)/;
    const hits: string[] = [];
    for (const file of files) {
      if (!file.includes(`${join('src', 'model')}`) || /\.test\.ts$/.test(file)) continue;
      // Comments may talk about clocks and windows; only code counts. Blank them out, keeping line numbers.
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
        .replace(/\/\/.*$/gm, '');
      code.split('\n').forEach((line, i) => {
        if (banned.test(line)) hits.push(`${relative(SRC, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it('keeps Node APIs out of the model and the scenario codec', () => {
    const hits = files.filter(
      (f) =>
        (f.includes(join('src', 'model')) || f.includes(join('src', 'scenario'))) &&
        !/\.test\.ts$/.test(f) &&
        /from\s+['"]node:/.test(readFileSync(f, 'utf8')),
    );
    expect(hits.map((f) => relative(SRC, f))).toEqual([]);
  });
});
