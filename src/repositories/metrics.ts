import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** Jobs waiting or in hand: the queue's depth, read through the partial index on due jobs. */
export async function countPendingJobs(db: Kysely<DB>): Promise<{ queued: number; running: number }> {
  const result = await sql<{ queued: number; running: number }>`
    SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
           count(*) FILTER (WHERE status = 'running')::int AS running
    FROM jobs WHERE status IN ('queued', 'running')`.execute(db);
  return result.rows[0] ?? { queued: 0, running: 0 };
}
