import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Applicant } from '../domain/applicant.js';

/**
 * Takes the lock that serialises every booking of one person (all processes, until the transaction
 * ends), so the per-person limits cannot be raced: as an expression, to go in the statement that needs it.
 */
export function personLock(personKey: string): RawBuilder<unknown> {
  return sql`pg_advisory_xact_lock(hashtextextended(${personKey}, 0))`;
}

export function selectSlotForAppointment(db: Kysely<DB>, slotId: number) {
  return db
    .selectFrom('slots')
    .select(['id', 'office_code', 'channel', 'starts_at', 'ends_at'])
    .where('id', '=', slotId)
    .executeTakeFirstOrThrow();
}

export interface NewAppointment {
  code: string;
  slotId: number;
  procedure: string;
  channel: string;
  officeCode: string;
  startsAt: Date;
  endsAt: Date;
  applicantId: number;
  personKey: string;
  reserved: boolean;
  locale: 'es' | 'en';
  rescheduledFromId?: number;
  /** The hold confirmed into this appointment, if it came from one. */
  holdId?: string | undefined;
  /** The client session that held it. */
  sessionKey?: string | null | undefined;
  now: Date;
}

/** Inserts an appointment; undefined when its code is already taken (the caller draws another). */
export async function insertAppointment(db: Kysely<DB>, a: NewAppointment): Promise<number | undefined> {
  const row = await db
    .insertInto('appointments')
    .values({
      code: a.code,
      slot_id: a.slotId,
      procedure_code: a.procedure,
      channel: a.channel,
      office_code: a.officeCode,
      starts_at: a.startsAt,
      ends_at: a.endsAt,
      applicant_id: a.applicantId,
      person_key: a.personKey,
      reserved: a.reserved,
      locale: a.locale,
      rescheduled_from_id: a.rescheduledFromId ?? null,
      hold_id: a.holdId ?? null,
      session_key: a.sessionKey ?? null,
      created_at: a.now,
      updated_at: a.now,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Records a confirmed booking in one statement: the applicant, their consent, the appointment, and the
 * job that e-mails its confirmation (queued with it, so it exists if and only if the booking commits).
 * Only within the person's limits: the statement reads their active appointments (booked or checked in,
 * not yet over) and records nothing when one is for the same procedure or `maxActive` are reached. It
 * must run after the person's lock was taken, by an earlier statement of the same transaction, so that
 * its snapshot sees every booking of theirs. `appointmentId` is undefined when the appointment's code was
 * taken already: the applicant and the consent are recorded all the same, and the caller inserts the
 * appointment under another code.
 */
export async function insertBooking(
  db: Kysely<DB>,
  b: {
    applicant: Applicant;
    consent: { policyVersion: string; purposes: readonly string[]; channel: 'web' | 'api' };
    appointment: Omit<NewAppointment, 'applicantId' | 'rescheduledFromId'>;
    maxActive: number;
    /** The confirmation job: its payload is `{ appointmentId }`, its dedupe key this prefix and the id. */
    job: { name: string; dedupePrefix: string };
  },
): Promise<
  | { recorded: true; applicantId: number; appointmentId: number | undefined }
  | { recorded: false; active: string[] }
> {
  const p = b.applicant;
  const a = b.appointment;
  const ownNit = p.documentType === 'NIT';
  const result = await sql<{ active: string[]; applicant_id: number | null; appointment_id: number | null }>`
    WITH active AS (
      SELECT ARRAY(SELECT procedure_code FROM appointments
        WHERE person_key = ${a.personKey} AND status IN ('booked', 'checked_in') AND ends_at > ${a.now}
        ORDER BY procedure_code) AS procedures
    ), allowed AS (
      SELECT 1 FROM active
      WHERE NOT (${a.procedure}::text = ANY(procedures)) AND cardinality(procedures) < ${b.maxActive}::int
    ), applicant AS (
      INSERT INTO applicants (person_type, document_type, document_number, first_name, last_name, email,
        phone, nit, nit_check_digit, company_name, locale)
      SELECT ${p.personType}::text, ${p.documentType}::text, ${p.documentNumber}::text, ${p.firstName}::text,
        ${p.lastName}::text, ${p.email}::text, ${p.phone}::text, ${ownNit ? p.documentNumber : p.nit}::text,
        ${ownNit ? p.documentCheckDigit : p.nitCheckDigit}::smallint, ${p.companyName}::text, ${a.locale}::text
      FROM allowed
      RETURNING id
    ), consent AS (
      INSERT INTO consents (applicant_id, policy_version, purposes, channel, accepted_at)
      SELECT id, ${b.consent.policyVersion}::text, ${[...b.consent.purposes]}::text[], ${b.consent.channel}::text,
        ${a.now}::timestamptz
      FROM applicant
    ), appointment AS (
      INSERT INTO appointments (code, slot_id, procedure_code, channel, office_code, starts_at, ends_at,
        applicant_id, person_key, reserved, locale, hold_id, session_key, created_at, updated_at)
      SELECT ${a.code}::text, ${a.slotId}::bigint, ${a.procedure}::text, ${a.channel}::text, ${a.officeCode}::text,
        ${a.startsAt}::timestamptz, ${a.endsAt}::timestamptz, id, ${a.personKey}::text, ${a.reserved}::boolean,
        ${a.locale}::text, ${a.holdId ?? null}::uuid, ${a.sessionKey ?? null}::text, ${a.now}::timestamptz, ${a.now}::timestamptz
      FROM applicant
      ON CONFLICT (code) DO NOTHING
      RETURNING id
    ), job AS (
      INSERT INTO jobs (name, payload, dedupe_key, run_at, created_at)
      SELECT ${b.job.name}::text, jsonb_build_object('appointmentId', id), ${b.job.dedupePrefix}::text || id::text,
        ${a.now}::timestamptz, ${a.now}::timestamptz
      FROM appointment
      ON CONFLICT (dedupe_key) DO NOTHING
    )
    SELECT (SELECT procedures FROM active) AS active, (SELECT id FROM applicant) AS applicant_id,
      (SELECT id FROM appointment) AS appointment_id`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the booking statement returned no row');
  if (row.applicant_id === null) return { recorded: false, active: row.active };
  return { recorded: true, applicantId: row.applicant_id, appointmentId: row.appointment_id ?? undefined };
}

/**
 * An appointment found by its code and the holder's document number, locked for change. Both must
 * match; a wrong code and a wrong document look the same to the caller.
 */
export function selectAppointmentForUpdate(db: Kysely<DB>, code: string, documentNumber: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('applicants as p', 'p.id', 'a.applicant_id')
    .selectAll('a')
    .where('a.code', '=', code)
    .where('p.document_number', '=', documentNumber)
    .forUpdate('a')
    .executeTakeFirst();
}

export async function markCancelled(
  db: Kysely<DB>,
  id: number,
  reason: 'citizen' | 'closure' | 'reschedule' | 'privacy',
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('appointments')
    .set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * An appointment with all that its readers show: the pages, its e-mails and its calendar file, in both
 * languages. The document number never leaves the database whole: only its last three characters are
 * selected.
 */
export function selectAppointmentDetails(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('applicants as p', 'p.id', 'a.applicant_id')
    .innerJoin('procedures as pr', 'pr.code', 'a.procedure_code')
    .innerJoin('offices as o', 'o.code', 'a.office_code')
    .innerJoin('cities as c', 'c.code', 'o.city_code')
    .innerJoin('channels as ch', 'ch.code', 'a.channel')
    .leftJoin('appointments as next', 'next.rescheduled_from_id', 'a.id')
    .select([
      'a.id',
      'a.code',
      'a.status',
      'a.cancel_reason',
      'a.starts_at',
      'a.ends_at',
      'a.locale',
      'a.created_at',
      'a.video_room',
      'next.code as rescheduled_to',
      'p.first_name',
      'p.last_name',
      'p.email',
      'p.document_type',
      sql<string>`right(p.document_number, 3)`.as('document_last3'),
      'p.company_name',
      'p.anonymised_at',
      'pr.code as procedure_code',
      'pr.name_es as procedure_name_es',
      'pr.name_en as procedure_name_en',
      'pr.requirements_es',
      'pr.requirements_en',
      'ch.code as channel_code',
      'ch.name_es as channel_name_es',
      'ch.name_en as channel_name_en',
      'ch.remote as channel_remote',
      'ch.description_es as channel_description_es',
      'ch.description_en as channel_description_en',
      'o.code as office_code',
      'o.name as office_name',
      'o.address as office_address',
      'o.email as office_email',
      'o.phone as office_phone',
      'o.hours_es as office_hours_es',
      'o.hours_en as office_hours_en',
      'c.name as city_name',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** The appointment of a code and the holder's document number (both normalised); undefined unless both match. */
export async function selectAppointmentIdByCredentials(
  db: Kysely<DB>,
  code: string,
  documentNumber: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('appointments as a')
    .innerJoin('applicants as p', 'p.id', 'a.applicant_id')
    .select('a.id')
    .where('a.code', '=', code)
    .where('p.document_number', '=', documentNumber)
    .executeTakeFirst();
  return row?.id;
}

/** Booked appointments starting in (from, until], with when they were made. */
export async function selectBookedStartingBetween(
  db: Kysely<DB>,
  from: Date,
  until: Date,
): Promise<{ id: number; startsAt: Date; createdAt: Date }[]> {
  const rows = await db
    .selectFrom('appointments')
    .select(['id', 'starts_at', 'created_at'])
    .where('status', '=', 'booked')
    .where('starts_at', '>', from)
    .where('starts_at', '<=', until)
    .execute();
  return rows.map((r) => ({ id: r.id, startsAt: r.starts_at, createdAt: r.created_at }));
}

/**
 * The appointment a hold was confirmed into, if the same person (by `person_key`) holds it and it is
 * still booked: what a retried confirmation answers.
 */
export function selectBookedFromHold(db: Kysely<DB>, holdId: string, personKey: string) {
  return db
    .selectFrom('appointments')
    .select(['id', 'code', 'procedure_code', 'channel', 'office_code', 'starts_at', 'ends_at'])
    .where('hold_id', '=', holdId)
    .where('person_key', '=', personKey)
    .where('status', '=', 'booked')
    .executeTakeFirst();
}

/** The appointment a hold was confirmed into by this client session, if it is still booked. */
export async function selectBookedFromSessionHold(
  db: Kysely<DB>,
  holdId: string,
  sessionKey: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('appointments')
    .select('id')
    .where('hold_id', '=', holdId)
    .where('session_key', '=', sessionKey)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  return row?.id;
}
