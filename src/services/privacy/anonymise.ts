import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Erases an applicant's personal data in place: names, document, contact details and company are
 * replaced by neutral values, and their appointments stop naming the person. The appointments and the
 * consent records stay (statistics, proof of consent), pointing at no one.
 */
export async function anonymiseApplicants(
  trx: Kysely<DB>,
  applicantIds: readonly number[],
  now: Date,
): Promise<number> {
  if (applicantIds.length === 0) return 0;
  const ids = sql.join(applicantIds.map((id) => sql`${id}`));
  const result = await sql`
    UPDATE applicants SET
      first_name = '-', last_name = '-',
      document_number = 'anon-' || id,
      email = '', phone = '',
      nit = CASE WHEN person_type = 'juridica' THEN '0' END,
      nit_check_digit = NULL,
      company_name = CASE WHEN person_type = 'juridica' THEN '-' END,
      anonymised_at = ${now}
    WHERE id IN (${ids}) AND anonymised_at IS NULL`.execute(trx);
  await sql`
    UPDATE appointments SET person_key = 'anon:' || applicant_id, video_room = NULL, desk_note = NULL
    WHERE applicant_id IN (${ids}) AND person_key NOT LIKE 'anon:%'`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The retention rule: applicants whose appointments all ended more than `months` ago (and who have no
 * active appointment) are anonymised. Returns how many.
 */
export async function anonymiseExpiredApplicants(db: Kysely<DB>, now: Date, months: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await sql<{ id: number }>`
      SELECT p.id FROM applicants p
      WHERE p.anonymised_at IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM appointments a
          WHERE a.applicant_id = p.id
            AND (a.ends_at > ${now}::timestamptz - make_interval(months => ${months})
                 OR (a.status IN ('booked', 'checked_in') AND a.ends_at > ${now})))
      ORDER BY p.id
      LIMIT 5000
      FOR UPDATE SKIP LOCKED`.execute(trx);
    return anonymiseApplicants(
      trx,
      due.rows.map((r) => r.id),
      now,
    );
  });
}
