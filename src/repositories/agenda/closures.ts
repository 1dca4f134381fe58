import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OfficeScope } from '../../domain/access.js';
import { officeScopeCondition } from '../office-scope.js';

/** SQL of agenda closures: an office, or one line of it, closed for a range of days. */

/** The closures touching a line between two dates: the office's own and the line's. */
export function selectClosuresOfLine(
  db: Kysely<DB>,
  line: { id: number; office_code: string },
  from: string,
  to: string,
) {
  return db
    .selectFrom('agenda_closures')
    .selectAll()
    .where('office_code', '=', line.office_code)
    .where((eb) => eb.or([eb('capacity_line_id', 'is', null), eb('capacity_line_id', '=', line.id)]))
    .where('to_date', '>=', from)
    .where('from_date', '<=', to)
    .orderBy('from_date')
    .execute();
}

export function selectClosuresInScope(db: Kysely<DB>, scope: OfficeScope, fromDate: string) {
  return db
    .selectFrom('agenda_closures as c')
    .innerJoin('offices as o', 'o.code', 'c.office_code')
    .leftJoin('capacity_lines as l', 'l.id', 'c.capacity_line_id')
    .select([
      'c.id',
      'c.office_code',
      'o.name as office_name',
      'c.capacity_line_id',
      'l.name as line_name',
      'c.from_date',
      'c.to_date',
      'c.reason',
      'c.cancelled_appointments',
      (eb) =>
        eb
          .selectFrom('rebook_passes as rp')
          .select((p) => p.fn.countAll<number>().as('n'))
          .whereRef('rp.closure_id', '=', 'c.id')
          .where('rp.kept_slot_id', 'is not', null)
          .as('kept_places'),
      (eb) =>
        eb
          .selectFrom('rebook_passes as rp')
          .select((p) => p.fn.countAll<number>().as('n'))
          .whereRef('rp.closure_id', '=', 'c.id')
          .where('rp.status', '=', 'used')
          .as('rebooked'),
    ])
    .where(officeScopeCondition(scope, 'o.code', 'o.seccional_code'))
    .where('c.to_date', '>=', fromDate)
    .orderBy('c.from_date')
    .orderBy('c.id')
    .execute();
}

export async function insertClosure(
  db: Kysely<DB>,
  c: {
    officeCode: string;
    lineId: number | null;
    from: string;
    to: string;
    reason: string;
    staffId: number | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('agenda_closures')
    .values({
      office_code: c.officeCode,
      capacity_line_id: c.lineId,
      from_date: c.from,
      to_date: c.to,
      reason: c.reason,
      created_by: c.staffId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setCancelledAppointments(
  db: Kysely<DB>,
  closureId: number,
  count: number,
): Promise<void> {
  await db
    .updateTable('agenda_closures')
    .set({ cancelled_appointments: count })
    .where('id', '=', closureId)
    .execute();
}
