import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

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
     WHERE id IN (SELECT slot_id FROM holds WHERE expires_at <= ${now}
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
