import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
/** The only file that may read the host's clock; everything else gets a `Clock` or a `now` passed in. */
const CLOCK_MODULE = 'clock.ts';
const READS_HOST_CLOCK = /\bnew Date\s*\(\s*\)|\bnew Date\b(?!\s*\()|\bDate\.now\s*\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('one clock', () => {
  it('reads the host clock only in src/clock.ts', () => {
    const offenders = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file: relative(SRC, file), line: i + 1, text: line.trim() }))
        .filter((l) => l.file !== CLOCK_MODULE && READS_HOST_CLOCK.test(l.text)),
    );
    expect(offenders).toEqual([]);
  });

  it('recognises every way of reading the host clock', () => {
    for (const text of ['new Date()', 'new Date ( )', 'const d = new Date;', 'Date.now()', 'Date.now ()'])
      expect(READS_HOST_CLOCK.test(text), text).toBe(true);
    for (const text of [
      'new Date(0)',
      'new Date(now.getTime() + 1)',
      'updateDate()',
      "new Date('2026-12-01')",
    ])
      expect(READS_HOST_CLOCK.test(text), text).toBe(false);
  });
});
