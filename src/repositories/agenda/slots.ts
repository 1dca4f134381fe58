import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** SQL of published slots as the back office sees and changes them. */

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

/** The day of a slot (the back office's slot page is reached by the slot's id alone). */
export async function selectSlotDate(db: Kysely<DB>, slotId: number): Promise<string | undefined> {
  const row = await db.selectFrom('slots').select('local_date').where('id', '=', slotId).executeTakeFirst();
  return row?.local_date;
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
