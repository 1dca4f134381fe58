import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rules of ARCHITECTURE.md, checked on the source text: where SQL may be built, which way
 * imports point, what page routes leave to the error mapper, and how large files grow.
 */
const SRC = join(import.meta.dirname, '../../src');

interface SourceFile {
  path: string;
  text: string;
  lines: string[];
}

function sourceFiles(dir = SRC): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    if (!/\.tsx?$/.test(entry.name)) return [];
    const text = readFileSync(full, 'utf8');
    return [{ path: relative(SRC, full), text, lines: text.split('\n') }];
  });
}

const FILES = sourceFiles();
const under = (folder: string) => (f: SourceFile) => f.path.startsWith(`${folder}/`);

/** Every module a file imports, as a path relative to src/ (packages left out). */
function importsOf(file: SourceFile): string[] {
  const specifiers = [...file.text.matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map(
    (m) => m[1] ?? '',
  );
  return specifiers.map((s) => relative(SRC, join(SRC, dirname(file.path), s)).replace(/\.js$/, '.ts'));
}

function offenders(files: SourceFile[], bad: (line: string) => boolean): string[] {
  return files.flatMap((f) =>
    f.lines.flatMap((line, i) => (bad(line) ? [`${f.path}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('architecture', () => {
  it('builds SQL only in src/repositories and src/db', () => {
    const builds = /\b(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/;
    const elsewhere = FILES.filter((f) => !under('repositories')(f) && !under('db')(f));
    expect(offenders(elsewhere, (line) => builds.test(line))).toEqual([]);
  });

  it('writes the holds table only in src/repositories/holds/', () => {
    const writesHolds =
      /insertInto\('holds'\)|updateTable\('holds'\)|deleteFrom\('holds'\)|INSERT INTO holds\b|UPDATE holds\b|DELETE FROM holds\b/;
    const elsewhere = FILES.filter((f) => !under('repositories/holds')(f));
    expect(offenders(elsewhere, (line) => writesHolds.test(line))).toEqual([]);
  });

  it('points imports down: repositories never import services, services never import views or jobs', () => {
    const wrong = FILES.flatMap((f) =>
      importsOf(f)
        .filter(
          (target) =>
            (under('repositories')(f) && target.startsWith('services/')) ||
            (under('services')(f) &&
              (target.startsWith('views/') || (target.startsWith('jobs/') && !isJobDeclaration(target)))) ||
            (under('domain')(f) && !target.startsWith('domain/')),
        )
        .map((target) => `${f.path} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('leaves domain errors of page routes to the one error mapper (no try/catch in page routes)', () => {
    const pages = FILES.filter((f) => under('http/routes/pages')(f) || under('http/routes/admin')(f));
    expect(offenders(pages, (line) => /\bcatch\s*\(/.test(line) || /\btry\s*\{/.test(line))).toEqual([]);
  });

  it('gives no two files of one layer the same name (a job definition and its handler aside)', () => {
    const byLayerAndName = new Map<string, string[]>();
    for (const f of FILES) {
      if (under('jobs/definitions')(f) || under('jobs/handlers')(f)) continue;
      const key = `${f.path.split('/')[0]}:${basename(f.path).replace(/\.tsx?$/, '')}`;
      byLayerAndName.set(key, [...(byLayerAndName.get(key) ?? []), f.path]);
    }
    expect([...byLayerAndName.values()].filter((paths) => paths.length > 1)).toEqual([]);
  });

  it('keeps files small: the median under 80 lines, none new past 300', () => {
    const lengths = FILES.map((f) => f.lines.length - (f.text.endsWith('\n') ? 1 : 0)).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
    expect(median).toBeLessThan(80);
    const long = FILES.filter((f) => f.lines.length - 1 > 300 && !LONG_BEFORE_THE_RULE.has(f.path)).map(
      (f) => `${f.path}: ${f.lines.length - 1} lines`,
    );
    expect(long).toEqual([]);
  });
});

/** Services may import the typed job declarations (to queue a job), nothing else of src/jobs. */
function isJobDeclaration(target: string): boolean {
  return target.startsWith('jobs/definitions/') || target === 'jobs/define.ts';
}

/**
 * Files that were past 300 lines when the rule came (catalogue data, message tables, a few pages and
 * services): they may shrink, none may join them.
 */
const LONG_BEFORE_THE_RULE = new Set([
  'db/schema.ts',
  'db/seed/procedures.ts',
  'i18n/messages/admin.ts',
  'i18n/messages/agenda.ts',
  'i18n/messages/journey.ts',
  'i18n/messages/site.ts',
  'views/admin/agenda-pages.tsx',
  'views/pages/alerts.tsx',
  'views/booking/calendar.tsx',
  'views/booking/choose.tsx',
  'services/reports/reports.ts',
  'services/staff/accounts.ts',
  'repositories/alerts.ts',
  'repositories/agenda.ts',
  'repositories/reports.ts',
  'http/routes/pages/booking-hold.ts',
  'http/routes/pages/booking-search.ts',
  'services/booking.ts',
]);
