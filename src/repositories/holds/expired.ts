import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type SlotFacts, slotFactsQuery } from '../availability.js';

/**
 * Holds past their expiry, of any kind: deleted, and their places given back to their slots. Not on a
 * release's slots: a place there goes to the release's list in draw order, never back to the public, so
 * those holds are reclaimed one by one through the release (`selectExpiredReleaseHolds`).
 */
const NOT_IN_RELEASE = (slotId: number) =>
  sql`NOT EXISTS (SELECT 1 FROM slots r WHERE r.id = ${slotId} AND r.release_id IS NOT NULL)`;

/** Deletes a slot's expired holds and gives their places back; returns how many. */
export async function reclaimExpiredHolds(db: Kysely<DB>, slotId: number, now: Date): Promise<number> {
  const result = await sql<{ freed: number }>`
    WITH gone AS (
      DELETE FROM holds WHERE slot_id = ${slotId} AND expires_at <= ${now} AND ${NOT_IN_RELEASE(slotId)}
      RETURNING reserved
    )
    UPDATE slots SET
      taken = taken - (SELECT count(*) FROM gone),
      reserved_taken = reserved_taken - (SELECT count(*) FROM gone WHERE reserved)
    WHERE id = ${slotId} AND EXISTS (SELECT 1 FROM gone)
    RETURNING (SELECT count(*)::int FROM gone) AS freed`.execute(db);
  return result.rows[0]?.freed ?? 0;
}

/**
 * A hold that found no room: reclaims the slot's expired holds, as `reclaimExpiredHolds`, and reads in
 * the same statement what the slot is, so that when nothing was freed the refusal can say why without
 * another round trip (a rush refuses many holds). `facts` is undefined when there is no such slot.
 */
export async function reclaimOrDescribe(
  db: Kysely<DB>,
  slotId: number,
  procedure: string,
  now: Date,
): Promise<{ freed: number; facts: SlotFacts | undefined }> {
  const result = await sql<SlotFacts & { freed: number; found: boolean }>`
    WITH gone AS (
      DELETE FROM holds WHERE slot_id = ${slotId} AND expires_at <= ${now} AND ${NOT_IN_RELEASE(slotId)}
      RETURNING reserved
    ), given_back AS (
      UPDATE slots SET
        taken = taken - (SELECT count(*) FROM gone),
        reserved_taken = reserved_taken - (SELECT count(*) FROM gone WHERE reserved)
      WHERE id = ${slotId} AND EXISTS (SELECT 1 FROM gone)
    )
    SELECT (SELECT count(*)::int FROM gone) AS freed, f.id IS NOT NULL AS found, f.*
    FROM (SELECT 1) AS one LEFT JOIN (${slotFactsQuery(db, slotId, procedure)}) AS f ON true`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the reclaim statement returned no row');
  const { freed, found, ...facts } = row;
  return { freed, facts: found ? facts : undefined };
}

/**
 * Locks, in id order, the slots that have holds past their expiry: the same order as a new hold (slot
 * first, then its holds), so reclaiming never deadlocks with booking.
 */
export async function lockSlotsWithExpiredHolds(
  db: Kysely<DB>,
  now: Date,
  { slotId, limit = 200 }: { slotId?: number; limit?: number } = {},
): Promise<number[]> {
  const result = await sql<{ id: number }>`
    SELECT id FROM slots
     WHERE release_id IS NULL
       AND id IN (SELECT slot_id FROM holds WHERE expires_at <= ${now}
                  ${slotId === undefined ? sql`` : sql`AND slot_id = ${slotId}`})
     ORDER BY id
     LIMIT ${limit}
       FOR UPDATE`.execute(db);
  return result.rows.map((r) => r.id);
}

/**
 * Deletes the expired holds of the (locked) slots and gives their places back in the same statement's
 * transaction: `DELETE … RETURNING` hands each hold row to exactly one reclaimer (this job or the booking
 * engine's inline clean-up), and only what it deleted is subtracted from `slots.taken`.
 */
export async function reclaimExpiredHoldsOf(
  db: Kysely<DB>,
  slotIds: readonly number[],
  now: Date,
): Promise<{ holdIds: string[]; perSlot: Map<number, number> }> {
  if (slotIds.length === 0) return { holdIds: [], perSlot: new Map() };
  const deleted = await db
    .deleteFrom('holds')
    .where('slot_id', 'in', slotIds)
    .where('expires_at', '<=', now)
    .returning(['id', 'slot_id', 'reserved'])
    .execute();
  const perSlot = new Map<number, { taken: number; reserved: number }>();
  for (const h of deleted) {
    const c = perSlot.get(h.slot_id) ?? { taken: 0, reserved: 0 };
    c.taken += 1;
    if (h.reserved) c.reserved += 1;
    perSlot.set(h.slot_id, c);
  }
  for (const [slotId, c] of [...perSlot].sort(([a], [b]) => a - b)) {
    await sql`UPDATE slots SET taken = taken - ${c.taken}, reserved_taken = reserved_taken - ${c.reserved}
               WHERE id = ${slotId}`.execute(db);
  }
  return {
    holdIds: deleted.map((h) => h.id),
    perSlot: new Map([...perSlot].map(([k, v]) => [k, v.taken])),
  };
}

/**
 * Expired holds on a release's slots, oldest first, except the holds of live draw offers (their own job
 * ends them at the offer's deadline, and passes the place on).
 */
export async function selectExpiredReleaseHolds(
  db: Kysely<DB>,
  now: Date,
  limit: number,
): Promise<{ id: string; slot_id: number }[]> {
  const result = await sql<{ id: string; slot_id: number }>`
    SELECT h.id, h.slot_id FROM holds h JOIN slots s ON s.id = h.slot_id
     WHERE s.release_id IS NOT NULL AND h.expires_at <= ${now}
       AND NOT EXISTS (SELECT 1 FROM release_offers ro
                        WHERE ro.hold_id = h.id AND ro.status IN ('offered', 'claimed'))
     ORDER BY h.slot_id, h.expires_at
     LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Deletes one expired hold of any kind and hands its place, still counted in `slots.taken`, to the caller. */
export async function deleteExpiredHold(
  db: Kysely<DB>,
  holdId: string,
  now: Date,
): Promise<{ slotId: number; reserved: boolean } | undefined> {
  const row = await db
    .deleteFrom('holds')
    .where('id', '=', holdId)
    .where('expires_at', '<=', now)
    .returning(['slot_id', 'reserved'])
    .executeTakeFirst();
  return row ? { slotId: row.slot_id, reserved: row.reserved } : undefined;
}
