import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, type Engine, openPglite, openPostgres } from '../../src/db/database.js';

/** The engines this run tests on: PGlite always, PostgreSQL when the global setup could reach it. */
export function engines(): Engine[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Database {
  /** PostgreSQL only: the connection string, to open more pools on the same database (other "processes"). */
  url?: string;
  /** Drops the database (PostgreSQL) after closing it. */
  destroy(): Promise<void>;
}

let snapshot: Blob | undefined;

/**
 * A fresh, migrated database holding the catalogue (procedures, channels, places, offices) and no
 * agenda: from a snapshot on PGlite, from a template database on PostgreSQL.
 */
export async function createTestDatabase(engine: Engine, poolSize = 10): Promise<TestDatabase> {
  if (engine === 'pglite') {
    snapshot ??= new Blob([await readFile(inject('pgliteSnapshot'))]);
    const database = await openPglite({ loadDataDir: snapshot });
    return { ...database, destroy: () => database.close() };
  }
  const adminUrl = inject('postgresAdminUrl');
  const template = inject('postgresTemplate');
  if (!adminUrl || !template) throw new Error('PostgreSQL is not available to this run');
  const name = `agenda_t_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres({ url: url.toString(), poolSize });
  return {
    ...database,
    url: url.toString(),
    destroy: async () => {
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * A connection string for a fresh database on PostgreSQL, for tests that start whole processes: empty
 * (`template0`) or with the catalogue.
 */
export async function createPostgresDatabaseUrl({
  empty = false,
} = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  const template = inject('postgresTemplate');
  if (!adminUrl || !template) throw new Error('PostgreSQL is not available to this run');
  const name = `agenda_t_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${empty ? 'template0' : template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
