import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** The cheapest statement that needs a working connection: throws when the database is out of reach. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
