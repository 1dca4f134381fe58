import { readdir, readFile, writeFile } from 'node:fs/promises';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import { format } from 'sql-formatter';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { STATEMENTS, type Statement } from '../sql/statements.js';

/**
 * The important statements, reviewed as SQL (as immich keeps server/src/queries/*.sql): each is compiled
 * by calling its repository function on a Kysely that has no database, only PostgreSQL's compiler and a
 * driver that records each query and answers it with the entry's rows. The SQL is formatted and compared
 * with the file checked in; `UPDATE_SQL_SNAPSHOTS=1` rewrites the files instead.
 */

const UPDATE = process.env.UPDATE_SQL_SNAPSHOTS === '1';
const DIR = new URL('../sql/', import.meta.url);

/** A driver without a database: every query is recorded and answered with the same rows. */
function recordingDriver(recorded: CompiledQuery[], rows: () => Record<string, unknown>[]): Driver {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      recorded.push(query);
      return { rows: rows() as R[] };
    },
    // biome-ignore lint/correctness/useYield: no query here streams
    async *streamQuery() {
      throw new Error('not recorded');
    },
  };
  return {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => undefined,
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
}

/** The queries one entry's call sends, in order. */
async function compile(statement: Statement): Promise<CompiledQuery[]> {
  const recorded: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => recordingDriver(recorded, () => statement.rows ?? []),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  await statement.run(db);
  await db.destroy();
  return recorded;
}

function readable(sql: string): string {
  return format(sql, {
    language: 'postgresql',
    tabWidth: 2,
    keywordCase: 'upper',
    dataTypeCase: 'lower',
    functionCase: 'lower',
  });
}

function parameter(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

async function snapshotOf(statements: Statement[]): Promise<string> {
  const parts = [
    '-- Written by test/unit/sql-snapshots.test.ts from test/sql/statements.ts: do not edit. After a change',
    '-- to one of these statements, UPDATE_SQL_SNAPSHOTS=1 npx vitest run test/unit/sql-snapshots.test.ts',
    '-- rewrites this file; the diff is the change, as SQL.',
  ];
  for (const statement of statements) {
    const queries = await compile(statement);
    if (queries.length === 0) throw new Error(`${statement.name} sent no query`);
    for (const [i, query] of queries.entries()) {
      const name = queries.length > 1 ? `${statement.name} (${i + 1} of ${queries.length})` : statement.name;
      parts.push('', `-- ${name}`, `${readable(query.sql)};`);
      parts.push(`-- params: ${JSON.stringify(query.parameters.map(parameter))}`);
    }
  }
  return `${parts.join('\n')}\n`;
}

const FILES = [...new Set(STATEMENTS.map((s) => s.file))];

describe('the SQL of the important statements, checked in under test/sql', () => {
  it.each(FILES)('test/sql/%s.sql is what the statements compile to', async (file) => {
    const actual = await snapshotOf(STATEMENTS.filter((s) => s.file === file));
    const path = new URL(`${file}.sql`, DIR);
    if (UPDATE) await writeFile(path, actual);
    const expected = await readFile(path, 'utf8').catch(() => '');
    expect(
      actual,
      `the SQL of test/sql/${file}.sql changed: review it, then UPDATE_SQL_SNAPSHOTS=1 npx vitest run test/unit/sql-snapshots.test.ts`,
    ).toBe(expected);
  });

  it('keeps no snapshot that no statement writes', async () => {
    const files = (await readdir(DIR)).filter((f) => f.endsWith('.sql'));
    expect(files.sort()).toEqual(FILES.map((f) => `${f}.sql`).sort());
  });
});
