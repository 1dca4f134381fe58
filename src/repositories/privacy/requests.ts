import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** SQL of data-subject requests: the link sent to a person's e-mail opens one by its id (the token is signed). */

export async function insertDataSubjectRequest(
  db: Kysely<DB>,
  r: { applicantIds: number[]; locale: 'es' | 'en'; expiresAt: Date },
): Promise<number> {
  const row = await db
    .insertInto('data_subject_requests')
    .values({
      applicant_ids: r.applicantIds,
      locale: r.locale,
      expires_at: r.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Requests still usable at `now`: not expired, their data not deleted yet. */
function openRequests(db: Kysely<DB>, now: Date) {
  return db
    .selectFrom('data_subject_requests')
    .selectAll()
    .where('expires_at', '>', now)
    .where('deleted_at', 'is', null);
}

export function selectOpenRequest(db: Kysely<DB>, id: number, now: Date) {
  return openRequests(db, now).where('id', '=', id).executeTakeFirst();
}

/** Marks the request's data deleted; false when another request got there first. */
export async function markRequestDeleted(db: Kysely<DB>, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('data_subject_requests')
    .set({ deleted_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
