import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** SQL of the personal data of applicants: finding, showing, correcting and erasing it. */

/** The applicants on record with this document number and e-mail, not anonymised. */
export async function selectApplicantIdsByContact(
  db: Kysely<DB>,
  documentNumber: string,
  email: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('applicants')
    .select('id')
    .where('document_number', '=', documentNumber)
    .where('email', '=', email)
    .where('anonymised_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

export async function selectApplicantEmail(db: Kysely<DB>, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('applicants').select('email').where('id', '=', id).executeTakeFirst();
  return row?.email;
}

export function selectApplicants(db: Kysely<DB>, ids: readonly number[]) {
  return db
    .selectFrom('applicants')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
}

/** The contact data of the applicants not anonymised, locked for the rest of the transaction. */
export function lockContactsOf(db: Kysely<DB>, ids: readonly number[]) {
  return db
    .selectFrom('applicants')
    .select(['id', 'email', 'phone'])
    .where('id', 'in', [...ids])
    .where('anonymised_at', 'is', null)
    .forUpdate()
    .execute();
}

export async function updateContacts(
  db: Kysely<DB>,
  ids: readonly number[],
  contact: { email: string; phone: string },
): Promise<void> {
  await db
    .updateTable('applicants')
    .set({ email: contact.email, phone: contact.phone })
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * Erases applicants' personal data in place: names, document, contact details and company are replaced
 * by neutral values, and their appointments stop naming the person. The appointments and the consent
 * records stay (statistics, proof of consent), pointing at no one. Returns how many were erased.
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
 * Up to 5000 applicants, not anonymised, whose appointments all ended more than `months` ago (and who
 * have no active appointment), locked; rows another transaction holds are left for the next batch.
 */
export async function lockApplicantsPastRetention(
  trx: Kysely<DB>,
  now: Date,
  months: number,
): Promise<number[]> {
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
  return due.rows.map((r) => r.id);
}
