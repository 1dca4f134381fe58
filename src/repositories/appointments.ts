import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Applicant } from '../domain/applicant.js';

/** Serialises every booking of one person (all processes), so the per-person limits cannot be raced. */
export async function lockPerson(db: Kysely<DB>, personKey: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${personKey}, 0))`.execute(db);
}

/** The procedures of a person's active appointments (booked or checked in, not yet over). */
export async function selectActiveProcedures(
  db: Kysely<DB>,
  personKey: string,
  now: Date,
): Promise<string[]> {
  const rows = await db
    .selectFrom('appointments')
    .select('procedure_code')
    .where('person_key', '=', personKey)
    .where('status', 'in', ['booked', 'checked_in'])
    .where('ends_at', '>', now)
    .execute();
  return rows.map((r) => r.procedure_code);
}

export async function insertApplicant(db: Kysely<DB>, a: Applicant, locale: 'es' | 'en'): Promise<number> {
  const ownNit = a.documentType === 'NIT';
  const row = await db
    .insertInto('applicants')
    .values({
      person_type: a.personType,
      document_type: a.documentType,
      document_number: a.documentNumber,
      first_name: a.firstName,
      last_name: a.lastName,
      email: a.email,
      phone: a.phone,
      nit: ownNit ? a.documentNumber : a.nit,
      nit_check_digit: ownNit ? a.documentCheckDigit : a.nitCheckDigit,
      company_name: a.companyName,
      locale,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertConsent(
  db: Kysely<DB>,
  consent: {
    applicantId: number;
    policyVersion: string;
    purposes: readonly string[];
    channel: 'web' | 'api';
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('consents')
    .values({
      applicant_id: consent.applicantId,
      policy_version: consent.policyVersion,
      purposes: [...consent.purposes],
      channel: consent.channel,
      accepted_at: consent.at,
    })
    .execute();
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
      created_at: a.now,
      updated_at: a.now,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
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

/** An appointment with what a person needs to see about it. */
export function selectAppointmentDetails(db: Kysely<DB>, where: { code: string } | { id: number }) {
  let q = db
    .selectFrom('appointments as a')
    .innerJoin('applicants as p', 'p.id', 'a.applicant_id')
    .innerJoin('procedures as pr', 'pr.code', 'a.procedure_code')
    .innerJoin('offices as o', 'o.code', 'a.office_code')
    .innerJoin('cities as c', 'c.code', 'o.city_code')
    .leftJoin('appointments as next', 'next.rescheduled_from_id', 'a.id')
    .select([
      'a.id',
      'a.code',
      'a.status',
      'a.procedure_code',
      'pr.name_es as procedure_name_es',
      'pr.name_en as procedure_name_en',
      'pr.requirements_es',
      'pr.requirements_en',
      'a.channel',
      'a.office_code',
      'o.name as office_name',
      'o.address as office_address',
      'c.name as city',
      'a.starts_at',
      'a.ends_at',
      'a.slot_id',
      'a.reserved',
      'a.locale',
      'a.cancel_reason',
      'a.created_at',
      'p.person_type',
      'p.document_type',
      'p.document_number',
      'p.first_name',
      'p.last_name',
      'p.company_name',
      'next.code as rescheduled_to',
    ]);
  q = 'code' in where ? q.where('a.code', '=', where.code) : q.where('a.id', '=', where.id);
  return q.executeTakeFirst();
}
