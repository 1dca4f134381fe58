import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { deadlineDayOf } from './availability.js';

/**
 * The counters of a slot. `slots.taken` counts appointments plus hold rows (live, or expired and not yet
 * reclaimed); a CHECK keeps it within `capacity`. Every change below is one conditional statement, so two
 * processes can never both take the last place. Places reserved for deadline days are
 * `reserved - reserved_taken`; the public may only take the others.
 */

export interface PlaceRequest {
  slotId: number;
  procedure: string;
  channel: string;
  /** Slots starting before this instant cannot be taken (minimum lead time). */
  earliest: Date;
  /** Slots after this Bogotá date cannot be taken (booking window). */
  lastDate: string;
  /**
   * The NIT of the person, when given with the current instant: on their tax deadline day the lead
   * time is waived (a slot starting later today can be taken) and the reserved places are theirs too.
   */
  deadline?: { nit: string; now: Date } | undefined;
}

/**
 * The conditions under which a slot's place can be taken for a procedure and channel (public places).
 * A slot of a release is never taken here: its places go by draw order (src/services/releases).
 */
export function publicRoom(r: PlaceRequest): RawBuilder<boolean> {
  return room(r, sql`(s.taken - s.reserved_taken) < (s.capacity - s.reserved)`);
}

/** The same, for a place of the deadline-day reserve: only on the NIT's deadline day. */
export function reservedRoom(
  r: PlaceRequest & { deadline: { nit: string; now: Date } },
): RawBuilder<boolean> {
  return room(r, sql`s.reserved_taken < s.reserved AND ${deadlineDayOf(r.deadline.nit)}`);
}

function room(r: PlaceRequest, free: RawBuilder<unknown>): RawBuilder<boolean> {
  const soonest = r.deadline
    ? sql`(s.starts_at >= ${r.earliest} OR (s.starts_at > ${r.deadline.now} AND ${deadlineDayOf(r.deadline.nit)}))`
    : sql`s.starts_at >= ${r.earliest}`;
  return sql<boolean>`s.id = ${r.slotId}
    AND s.channel = ${r.channel}
    AND s.status = 'open'
    AND s.release_id IS NULL
    AND ${soonest}
    AND s.local_date <= ${r.lastDate}::date
    AND ${free}
    AND EXISTS (
      SELECT 1 FROM capacity_line_procedures lp
      JOIN capacity_lines l ON l.id = lp.capacity_line_id AND l.active
      WHERE lp.capacity_line_id = s.capacity_line_id AND lp.procedure_code = ${r.procedure})
    AND EXISTS (SELECT 1 FROM offices o WHERE o.code = s.office_code AND o.active)`;
}

/** Takes a place for an appointment (reschedule); false when there was no room. */
export async function takePlace(db: Kysely<DB>, r: PlaceRequest): Promise<boolean> {
  const result = await sql<{ id: number }>`
    UPDATE slots s SET taken = s.taken + 1 WHERE ${publicRoom(r)} RETURNING s.id`.execute(db);
  return result.rows.length === 1;
}

/** Locks slots in id order: the one order every multi-slot transaction uses, so none can deadlock. */
export async function lockSlots(db: Kysely<DB>, slotIds: readonly number[]): Promise<void> {
  const ids = [...new Set(slotIds)].sort((a, b) => a - b);
  await db.selectFrom('slots').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

/** Gives one appointment's place back to its slot at once. */
export async function givePlaceBack(db: Kysely<DB>, slotId: number, reserved: boolean): Promise<void> {
  await sql`
    UPDATE slots SET taken = taken - 1, reserved_taken = reserved_taken - ${reserved ? 1 : 0}
    WHERE id = ${slotId}`.execute(db);
}
