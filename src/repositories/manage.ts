import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** The code and stored document number of an appointment: what the manage services check against. */
export function selectManageCredentials(db: Kysely<DB>, appointmentId: number) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('applicants as p', 'p.id', 'a.applicant_id')
    .select(['a.code', 'p.document_number'])
    .where('a.id', '=', appointmentId)
    .executeTakeFirst();
}
