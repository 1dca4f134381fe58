import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** SQL of deadline reserves: a share of a line's places kept on a deadline day for those it is due. */

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

export async function selectReservationPercent(
  db: Kysely<DB>,
  lineId: number,
  date: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('deadline_reservations')
    .select('percent')
    .where('capacity_line_id', '=', lineId)
    .where('local_date', '=', date)
    .executeTakeFirst();
  return row?.percent;
}

export async function upsertReservation(db: Kysely<DB>, lineId: number, date: string, percent: number) {
  await db
    .insertInto('deadline_reservations')
    .values({ capacity_line_id: lineId, local_date: date, percent })
    .onConflict((oc) => oc.columns(['capacity_line_id', 'local_date']).doUpdateSet({ percent }))
    .execute();
}
