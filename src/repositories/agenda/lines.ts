import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OfficeScope } from '../../domain/access.js';
import { officeScopeCondition } from '../office-scope.js';

/** SQL of capacity lines: an office's channel and the procedures it attends. */

/** What every list and page of lines shows of a line (`l`) and its office (`o`). */
const LINE_COLUMNS = [
  'l.id',
  'l.name',
  'l.channel',
  'l.active',
  'l.office_code',
  'o.name as office_name',
] as const;

export function selectLinesInScope(db: Kysely<DB>, scope: OfficeScope) {
  return db
    .selectFrom('capacity_lines as l')
    .innerJoin('offices as o', 'o.code', 'l.office_code')
    .select((eb) => [
      ...LINE_COLUMNS,
      eb
        .selectFrom('capacity_line_procedures as lp')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('lp.capacity_line_id', '=', 'l.id')
        .as('procedures'),
      eb
        .selectFrom('agenda_templates as t')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('t.capacity_line_id', '=', 'l.id')
        .as('templates'),
    ])
    .where(officeScopeCondition(scope, 'o.code', 'o.seccional_code'))
    .orderBy('l.office_code')
    .orderBy('l.channel')
    .orderBy('l.id')
    .execute();
}

export function selectLine(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('capacity_lines as l')
    .innerJoin('offices as o', 'o.code', 'l.office_code')
    .select([...LINE_COLUMNS, 'o.seccional_code'])
    .where('l.id', '=', id)
    .executeTakeFirst();
}

export async function selectLineProcedures(db: Kysely<DB>, lineId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('capacity_line_procedures')
    .select('procedure_code')
    .where('capacity_line_id', '=', lineId)
    .orderBy('procedure_code')
    .execute();
  return rows.map((r) => r.procedure_code);
}

export async function insertLine(
  db: Kysely<DB>,
  line: { officeCode: string; channel: string; name: string; procedures: readonly string[] },
): Promise<number> {
  const created = await db
    .insertInto('capacity_lines')
    .values({ office_code: line.officeCode, channel: line.channel, name: line.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('capacity_line_procedures')
    .values(line.procedures.map((p) => ({ capacity_line_id: created.id, procedure_code: p })))
    .execute();
  return created.id;
}

/**
 * Locks a capacity line's row for the transaction and reads what may change on it. Every change of a
 * line or of its templates, and every publication, takes this lock first, so they happen one at a time.
 */
export function lockLine(db: Kysely<DB>, lineId: number) {
  return db
    .selectFrom('capacity_lines')
    .select(['id', 'name', 'active'])
    .where('id', '=', lineId)
    .forUpdate()
    .executeTakeFirst();
}

/** SQL of changing capacity lines and weekly templates after they were created. */

export async function updateLineName(db: Kysely<DB>, lineId: number, name: string): Promise<void> {
  await db.updateTable('capacity_lines').set({ name }).where('id', '=', lineId).execute();
}

/** Makes the line's procedures exactly these: the others are taken off, the new ones added. */
export async function setLineProcedures(
  db: Kysely<DB>,
  lineId: number,
  procedures: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('capacity_line_procedures')
    .where('capacity_line_id', '=', lineId)
    .where('procedure_code', 'not in', [...procedures])
    .execute();
  await db
    .insertInto('capacity_line_procedures')
    .values(procedures.map((p) => ({ capacity_line_id: lineId, procedure_code: p })))
    .onConflict((oc) => oc.columns(['capacity_line_id', 'procedure_code']).doNothing())
    .execute();
}

export async function setLineActive(db: Kysely<DB>, lineId: number, active: boolean): Promise<void> {
  await db.updateTable('capacity_lines').set({ active }).where('id', '=', lineId).execute();
}

/** Appointments still to come on a line's slots that are booked (not yet attended, not cancelled). */
export async function countUpcomingBooked(db: Kysely<DB>, lineId: number, now: Date): Promise<number> {
  const row = await db
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.capacity_line_id', '=', lineId)
    .where('a.status', '=', 'booked')
    .where('a.starts_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
