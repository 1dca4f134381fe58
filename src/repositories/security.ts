import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** SQL of the abuse guards: rate-limit counters and redeemed proof-of-work challenges. */

/** Counts one hit of a key in a window in one atomic upsert, so no process loses a count. */
export async function hitCounter(db: Kysely<DB>, key: string, windowStart: Date): Promise<number> {
  const row = await sql<{ count: number }>`
    INSERT INTO rate_limit_counters (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
    RETURNING count`.execute(db);
  return row.rows[0]?.count ?? 1;
}

export async function peekCounter(db: Kysely<DB>, key: string, windowStart: Date): Promise<number> {
  const row = await db
    .selectFrom('rate_limit_counters')
    .select('count')
    .where('key', '=', key)
    .where('window_start', '=', windowStart)
    .executeTakeFirst();
  return row?.count ?? 0;
}

export async function deleteCountersBefore(db: Kysely<DB>, before: Date): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('window_start', '<', before).execute();
}

/** Records a solved challenge's id; false when it was redeemed before (a replay). */
export async function redeemChallenge(db: Kysely<DB>, challengeId: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('pow_redemptions')
    .values({ challenge_id: challengeId, redeemed_at: now })
    .onConflict((oc) => oc.column('challenge_id').doNothing())
    .returning('challenge_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
