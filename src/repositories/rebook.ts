import { type Kysely, sql } from 'kysely';
import type { DB, RebookPassStatus } from '../db/schema.js';
import { personLock } from './appointments.js';

export async function insertPass(
  db: Kysely<DB>,
  p: {
    appointmentId: number;
    closureId: number;
    kept: { holdId: string; slotId: number } | undefined;
    now: Date;
    expiresAt: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('rebook_passes')
    .values({
      appointment_id: p.appointmentId,
      closure_id: p.closureId,
      hold_id: p.kept?.holdId ?? null,
      kept_slot_id: p.kept?.slotId ?? null,
      created_at: p.now,
      expires_at: p.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A pass with the cancelled appointment it stands for and its kept place, if that place is still kept
 * (its hold alive and its slot open). `lock` locks the pass row for a decision.
 */
export async function selectPass(db: Kysely<DB>, passId: number, now: Date, { lock = false } = {}) {
  let q = db
    .selectFrom('rebook_passes as rp')
    .innerJoin('appointments as a', 'a.id', 'rp.appointment_id')
    .innerJoin('applicants as p', 'p.id', 'a.applicant_id')
    .innerJoin('offices as o', 'o.code', 'a.office_code')
    .leftJoin('holds as h', (j) =>
      j.onRef('h.id', '=', 'rp.hold_id').on('h.kind', '=', 'priority').on('h.expires_at', '>', now),
    )
    .leftJoin('slots as ks', (j) => j.onRef('ks.id', '=', 'h.slot_id').on('ks.status', '=', 'open'))
    .select([
      'rp.id',
      'rp.status',
      'rp.expires_at',
      'rp.hold_id',
      'rp.rebooked_appointment_id',
      'a.id as appointment_id',
      'a.code',
      'a.procedure_code',
      'a.channel',
      'a.office_code',
      'a.starts_at',
      'a.applicant_id',
      'a.person_key',
      'a.locale',
      'p.anonymised_at',
      'o.city_code',
      'ks.id as kept_slot_id',
      'ks.office_code as kept_office_code',
      'ks.starts_at as kept_starts_at',
      'ks.ends_at as kept_ends_at',
      'h.expires_at as kept_until',
    ])
    .where('rp.id', '=', passId);
  if (lock) q = q.forUpdate('rp');
  return q.executeTakeFirst();
}

/** The pass of a cancelled appointment, for its cancellation e-mail. */
export function selectPassOfAppointment(db: Kysely<DB>, appointmentId: number) {
  return db
    .selectFrom('rebook_passes as rp')
    .leftJoin('holds as h', (j) => j.onRef('h.id', '=', 'rp.hold_id').on('h.kind', '=', 'priority'))
    .leftJoin('slots as ks', 'ks.id', 'h.slot_id')
    .leftJoin('offices as ko', 'ko.code', 'ks.office_code')
    .select([
      'rp.id',
      'rp.status',
      'rp.expires_at',
      'ks.starts_at as kept_starts_at',
      'ko.name as kept_office_name',
      'ko.address as kept_office_address',
      'h.expires_at as kept_until',
    ])
    .where('rp.appointment_id', '=', appointmentId)
    .executeTakeFirst();
}

export async function decidePass(
  db: Kysely<DB>,
  passId: number,
  decision: { status: Exclude<RebookPassStatus, 'open'>; now: Date; rebookedAppointmentId?: number },
): Promise<void> {
  await db
    .updateTable('rebook_passes')
    .set({
      status: decision.status,
      decided_at: decision.now,
      rebooked_appointment_id: decision.rebookedAppointmentId ?? null,
    })
    .where('id', '=', passId)
    .where('status', '=', 'open')
    .execute();
}

/** Open passes of the applicants' appointments, locked, with their kept places' holds. */
export function selectOpenPassesOfApplicants(db: Kysely<DB>, applicantIds: readonly number[]) {
  if (applicantIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('rebook_passes as rp')
    .innerJoin('appointments as a', 'a.id', 'rp.appointment_id')
    .select(['rp.id', 'rp.hold_id'])
    .where('a.applicant_id', 'in', [...applicantIds])
    .where('rp.status', '=', 'open')
    .orderBy('rp.id')
    .forUpdate('rp')
    .execute();
}

/**
 * Takes the person's booking lock (the one every booking of theirs takes), then reads the procedures of
 * their active appointments: two statements, so the read's snapshot follows the lock.
 */
export async function lockPersonAndReadActive(
  db: Kysely<DB>,
  personKey: string,
  now: Date,
): Promise<string[]> {
  await sql`SELECT ${personLock(personKey)}`.execute(db);
  const rows = await db
    .selectFrom('appointments')
    .select('procedure_code')
    .where('person_key', '=', personKey)
    .where('status', 'in', ['booked', 'checked_in'])
    .where('ends_at', '>', now)
    .execute();
  return rows.map((r) => r.procedure_code);
}
