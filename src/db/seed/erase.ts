import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';

/** Whether the database holds anything a person or a seed put there (the catalogue is the first thing). */
export async function hasData(db: Kysely<DB>): Promise<boolean> {
  const found = await sql<{ any: boolean }>`
    SELECT EXISTS (SELECT 1 FROM procedures) OR EXISTS (SELECT 1 FROM staff) AS any`.execute(db);
  return found.rows[0]?.any === true;
}

/**
 * Empties every table but the migrations' record, in one statement (TRUNCATE fires no row triggers, so
 * the append-only audit trail goes too). Only `agenda seed --force` calls this.
 */
export async function eraseAllData(db: Kysely<DB>): Promise<void> {
  const tables = await sql<{ name: string }>`
    SELECT quote_ident(tablename) AS name FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`.execute(db);
  if (tables.rows.length === 0) return;
  await sql.raw(`TRUNCATE ${tables.rows.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`).execute(db);
}

/** Fresh planner statistics after a bulk load, so the first searches get good plans. */
export async function analyze(db: Kysely<DB>): Promise<void> {
  await sql`ANALYZE`.execute(db);
}
