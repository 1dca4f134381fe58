import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OfficeScope } from '../domain/access.js';
import { officeScopeCondition } from './office-scope.js';

/** SQL of agenda administration: capacity lines, templates, publication, slot capacity, closures. */

export function selectLinesInScope(db: Kysely<DB>, scope: OfficeScope) {
  return db
    .selectFrom('capacity_lines as l')
    .innerJoin('offices as o', 'o.code', 'l.office_code')
    .select((eb) => [
      'l.id',
      'l.name',
      'l.channel',
      'l.active',
      'l.office_code',
      'o.name as office_name',
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
    .select([
      'l.id',
      'l.name',
      'l.channel',
      'l.active',
      'l.office_code',
      'o.name as office_name',
      'o.seccional_code',
    ])
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

export function selectTemplates(db: Kysely<DB>, lineId: number) {
  return db
    .selectFrom('agenda_templates')
    .selectAll()
    .where('capacity_line_id', '=', lineId)
    .orderBy('id')
    .execute();
}

export function selectTemplate(db: Kysely<DB>, id: number) {
  return db.selectFrom('agenda_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

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

export async function selectExistingStarts(db: Kysely<DB>, lineId: number, from: string, to: string) {
  const rows = await db
    .selectFrom('slots')
    .select('starts_at')
    .where('capacity_line_id', '=', lineId)
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .execute();
  return new Set(rows.map((r) => r.starts_at.getTime()));
}

export interface SlotRow {
  capacity_line_id: number;
  office_code: string;
  channel: string;
  local_date: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
}

/**
 * Inserts slots a template plans; one already published at the same start is left as it is (the unique
 * (capacity_line_id, starts_at) decides, so two publications at once cannot create a slot twice).
 * Returns the created slots' days and capacities.
 */
export async function insertSlotsIfNew(db: Kysely<DB>, rows: readonly SlotRow[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('slots')
    .values([...rows])
    .onConflict((oc) => oc.columns(['capacity_line_id', 'starts_at']).doNothing())
    .returning(['id', 'local_date', 'capacity'])
    .execute();
}

/**
 * Sets the reserved places of a line's slots on a day to a share of their capacity, never below what is
 * already taken from the reserve and never into places the public has already taken.
 */
export async function applyReservation(db: Kysely<DB>, lineId: number, date: string, percent: number) {
  await sql`
    UPDATE slots SET reserved = greatest(reserved_taken,
      least((capacity * ${percent}) / 100, capacity - (taken - reserved_taken)))
    WHERE capacity_line_id = ${lineId} AND local_date = ${date}::date`.execute(db);
}

export function selectReservations(db: Kysely<DB>, lineId: number, from: string) {
  return db
    .selectFrom('deadline_reservations')
    .selectAll()
    .where('capacity_line_id', '=', lineId)
    .where('local_date', '>=', from)
    .orderBy('local_date')
    .execute();
}

export function selectDaySlots(db: Kysely<DB>, lineId: number, date: string) {
  return db
    .selectFrom('slots')
    .select(['id', 'starts_at', 'ends_at', 'capacity', 'taken', 'reserved', 'reserved_taken', 'status'])
    .where('capacity_line_id', '=', lineId)
    .where('local_date', '=', date)
    .orderBy('starts_at')
    .execute();
}

/** Upcoming published days of a line with their totals. */
export function selectUpcomingDays(db: Kysely<DB>, lineId: number, from: string) {
  return db
    .selectFrom('slots')
    .select((eb) => [
      'local_date',
      eb.fn.countAll<number>().as('slots'),
      eb.fn.sum<number>('capacity').as('capacity'),
      eb.fn.sum<number>('taken').as('taken'),
      eb.fn.sum<number>('reserved').as('reserved'),
      eb.fn.min<string>('status').as('status'),
    ])
    .where('capacity_line_id', '=', lineId)
    .where('local_date', '>=', from)
    .groupBy('local_date')
    .orderBy('local_date')
    .limit(62)
    .execute();
}

/**
 * Changes a slot's capacity only when the new one still holds every place already taken; the reserve
 * shrinks with it when needed, never below what is taken from it. Undefined when refused.
 */
export async function updateSlotCapacity(db: Kysely<DB>, slotId: number, capacity: number) {
  const result = await sql<{ capacity: number; reserved: number }>`
    UPDATE slots SET capacity = ${capacity},
      reserved = least(reserved, ${capacity} - (taken - reserved_taken))
    WHERE id = ${slotId} AND taken <= ${capacity}
    RETURNING capacity, reserved`.execute(db);
  return result.rows[0];
}

export function selectSlotForUpdate(db: Kysely<DB>, slotId: number) {
  return db
    .selectFrom('slots')
    .select([
      'id',
      'capacity_line_id',
      'local_date',
      'capacity',
      'taken',
      'reserved',
      'reserved_taken',
      'status',
    ])
    .where('id', '=', slotId)
    .forUpdate()
    .executeTakeFirst();
}

/** The slots a closure covers, locked in id order (the order every multi-slot transaction uses). */
export function lockClosureSlots(
  db: Kysely<DB>,
  c: { officeCode: string; lineId: number | null; from: string; to: string },
) {
  let q = db
    .selectFrom('slots')
    .select('id')
    .where('office_code', '=', c.officeCode)
    .where('local_date', '>=', c.from)
    .where('local_date', '<=', c.to);
  if (c.lineId !== null) q = q.where('capacity_line_id', '=', c.lineId);
  return q.orderBy('id').forUpdate().execute();
}

export async function closeSlots(db: Kysely<DB>, slotIds: readonly number[]): Promise<void> {
  if (slotIds.length === 0) return;
  await db
    .updateTable('slots')
    .set({ status: 'closed' })
    .where('id', 'in', [...slotIds])
    .execute();
}

export function selectActiveAppointmentsOfSlots(db: Kysely<DB>, slotIds: readonly number[]) {
  if (slotIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('appointments')
    .select(['id', 'code', 'slot_id', 'reserved', 'office_code', 'procedure_code', 'channel'])
    .where('slot_id', 'in', [...slotIds])
    .where('status', '=', 'booked')
    .orderBy('slot_id')
    .orderBy('id')
    .forUpdate()
    .execute();
}
