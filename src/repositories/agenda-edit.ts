import type { Kysely } from 'kysely';
import type { AgendaBreak, DB } from '../db/schema.js';

/** SQL of changing capacity lines and weekly templates after they were created. */

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

/** Every procedure with what decides whether a line may offer it. */
export function selectProcedureFacts(db: Kysely<DB>) {
  return db
    .selectFrom('procedures')
    .select(['code', 'name_es', 'name_en', 'channels', 'active', 'requires_appointment'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export interface TemplateValues {
  name: string;
  weekdays: number[];
  opens_minute: number;
  closes_minute: number;
  slot_minutes: number;
  places: number;
  breaks: AgendaBreak[];
}

export async function updateTemplate(db: Kysely<DB>, templateId: number, v: TemplateValues): Promise<void> {
  await db
    .updateTable('agenda_templates')
    .set({ ...v, breaks: JSON.stringify(v.breaks) })
    .where('id', '=', templateId)
    .execute();
}

export async function setTemplateActive(db: Kysely<DB>, templateId: number, active: boolean): Promise<void> {
  await db.updateTable('agenda_templates').set({ active }).where('id', '=', templateId).execute();
}
