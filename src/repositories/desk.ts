import type { Kysely } from 'kysely';
import type { AppointmentStatus, DB } from '../db/schema.js';
import type { OfficeScope } from '../domain/access.js';
import { officeScopeCondition } from './office-scope.js';

/** SQL of the desk: the appointments of the offices in a staff member's scope, and what staff note on them. */

function deskQuery(db: Kysely<DB>, scope: OfficeScope) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('applicants as p', 'p.id', 'a.applicant_id')
    .innerJoin('procedures as pr', 'pr.code', 'a.procedure_code')
    .innerJoin('offices as o', 'o.code', 'a.office_code')
    .select([
      'a.id',
      'a.code',
      'a.starts_at',
      'a.ends_at',
      'a.office_code',
      'o.name as office_name',
      'o.seccional_code',
      'a.channel',
      'pr.name_es',
      'pr.name_en',
      'p.first_name',
      'p.last_name',
      'p.company_name',
      'p.document_type',
      'p.document_number',
      'p.email',
      'p.phone',
      'a.status',
      'a.desk_note',
      'a.video_room',
    ])
    .where(officeScopeCondition(scope, 'o.code', 'o.seccional_code'));
}

export type DeskRow = Awaited<ReturnType<ReturnType<typeof deskQuery>['execute']>>[number];

/** What the desk lists: one day's appointments in time order, or the latest 50 matching a search. */
export type DeskFilter =
  | { kind: 'day'; from: Date; to: Date }
  | { kind: 'search'; code: string | undefined; documentNumber: string | undefined };

/** The appointments of the scope that are not cancelled and pass the filter. */
export function selectDeskAppointments(db: Kysely<DB>, scope: OfficeScope, filter: DeskFilter) {
  const query = deskQuery(db, scope).where('a.status', '<>', 'cancelled');
  if (filter.kind === 'day') {
    return query
      .where('a.starts_at', '>=', filter.from)
      .where('a.starts_at', '<', filter.to)
      .orderBy('a.starts_at')
      .orderBy('a.id')
      .execute();
  }
  const { code, documentNumber } = filter;
  return query
    .where((eb) =>
      eb.or([
        ...(code ? [eb('a.code', '=', code)] : []),
        ...(documentNumber ? [eb('p.document_number', '=', documentNumber)] : []),
      ]),
    )
    .orderBy('a.starts_at', 'desc')
    .limit(50)
    .execute();
}

/** The appointment of a code within the scope, locked for the rest of the transaction. */
export function lockDeskAppointment(trx: Kysely<DB>, scope: OfficeScope, code: string) {
  return deskQuery(trx, scope).where('a.code', '=', code).forUpdate('a').executeTakeFirst();
}

export async function appointmentCodeExists(db: Kysely<DB>, code: string): Promise<boolean> {
  const row = await db.selectFrom('appointments').select('id').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

/** Moves an appointment on at the desk, only from one of the statuses the action starts from. */
export async function setDeskStatus(
  db: Kysely<DB>,
  id: number,
  change: { from: readonly AppointmentStatus[]; to: AppointmentStatus; now: Date },
): Promise<void> {
  const { from, to, now } = change;
  await db
    .updateTable('appointments')
    .set({
      status: to,
      updated_at: now,
      ...(to === 'checked_in' ? { checked_in_at: now } : {}),
      ...(to === 'attended' ? { attended_at: now } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .execute();
}

export async function setDeskNote(db: Kysely<DB>, id: number, note: string | null, now: Date): Promise<void> {
  await db
    .updateTable('appointments')
    .set({ desk_note: note, updated_at: now })
    .where('id', '=', id)
    .execute();
}
