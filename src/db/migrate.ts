import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { type Database, openPostgres } from './database.js';

/** Plain SQL files, applied in name order, each once, the same on both engines. */
const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Any number; it only has to be the same in every process that migrates. */
const MIGRATION_LOCK = 7_311_2026;

export async function pendingMigrations(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = await migrationFiles(dir);
  const applied = await appliedNames(database);
  return files.filter((f) => !applied.has(f));
}

async function migrationFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
}

async function appliedNames(database: Database): Promise<Set<string>> {
  const exists = await sql<{ found: boolean }>`
    SELECT to_regclass('public.schema_migrations') IS NOT NULL AS found`.execute(database.db);
  if (!exists.rows[0]?.found) return new Set();
  const rows = await database.db.selectFrom('schema_migrations').select('name').execute();
  return new Set(rows.map((r) => r.name));
}

/**
 * Applies every pending migration in one transaction under an advisory lock, so that several processes
 * starting together neither race nor leave a half-applied schema. Returns the names applied.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = await migrationFiles(dir);
  // Nothing to do is found out by reading alone: the app's own role may not create tables, and starts
  // with a schema its owner migrated.
  if ((await pendingMigrations(database, dir)).length === 0) return [];
  return database.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
    const applied = new Set(
      (await trx.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name),
    );
    const done: string[] = [];
    for (const file of files) {
      if (applied.has(file)) continue;
      const text = await readFile(new URL(file, `file://${dir.endsWith('/') ? dir : `${dir}/`}`), 'utf8');
      await database.execScript(trx, text);
      await trx.insertInto('schema_migrations').values({ name: file }).execute();
      done.push(file);
    }
    return done;
  });
}

export interface MigrationConfig {
  /** The schema owner's connection string (MIGRATION_DATABASE_URL), when the app runs as another role. */
  migrationDatabaseUrl: string | undefined;
}

/**
 * Migrates the database the app uses, as the schema's owner when MIGRATION_DATABASE_URL names one (the
 * app's role may not change the schema): on a connection of its own, closed when done. Without it, as
 * today, over the app's own connection; PGlite has a single user and always migrates in place.
 */
export async function migrateAsOwner(config: MigrationConfig, database: Database): Promise<string[]> {
  if (!config.migrationDatabaseUrl || database.engine !== 'postgres') return migrate(database);
  const owner = openPostgres({
    url: config.migrationDatabaseUrl,
    poolSize: 1,
    applicationName: 'agenda-migrate',
  });
  try {
    return await migrate(owner);
  } finally {
    await owner.close();
  }
}
