import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * The holds that keep a release's places for the entries they are offered to (kind 'offer', as alert
 * offers). Taking the places and recording the holds is one statement: a slot without room for all its
 * offers gets none, and the caller, seeing fewer holds than it asked for, rolls the whole draw back.
 */
export async function insertDrawOfferHolds(
  db: Kysely<DB>,
  h: {
    holds: readonly { id: string; slotId: number; expiresAt: Date }[];
    procedure: string;
    channel: string;
    now: Date;
  },
): Promise<number> {
  if (h.holds.length === 0) return 0;
  const result = await sql<{ n: number }>`
    WITH wanted AS (
      SELECT * FROM unnest(${h.holds.map((x) => x.id)}::uuid[], ${h.holds.map((x) => x.slotId)}::bigint[],
        ${h.holds.map((x) => x.expiresAt.toISOString())}::timestamptz[]) AS w(id, slot_id, expires_at)
    ), per_slot AS (
      SELECT slot_id, count(*)::int AS n FROM wanted GROUP BY slot_id
    ), taken AS (
      UPDATE slots s SET taken = s.taken + p.n
      FROM per_slot p
      WHERE s.id = p.slot_id AND s.status = 'open'
        AND (s.capacity - s.reserved) - (s.taken - s.reserved_taken) >= p.n
      RETURNING s.id
    ), inserted AS (
      INSERT INTO holds (id, slot_id, kind, procedure_code, channel, expires_at, created_at)
      SELECT w.id, w.slot_id, 'offer', ${h.procedure}, ${h.channel}, w.expires_at, ${h.now}::timestamptz
      FROM wanted w WHERE w.slot_id IN (SELECT id FROM taken)
      RETURNING id
    )
    SELECT count(*)::int AS n FROM inserted`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/**
 * A claimed draw offer: its hold becomes a citizen hold of the client's session that only the entry's
 * person may confirm, kept until `until`. Undefined when the offer's hold is gone.
 */
export function claimDrawOfferHold(
  db: Kysely<DB>,
  c: { holdId: string; personKey: string; sessionKey: string; until: Date; now: Date },
) {
  return db
    .updateTable('holds')
    .set({ kind: 'citizen', person_key: c.personKey, session_key: c.sessionKey, expires_at: c.until })
    .where('id', '=', c.holdId)
    .where('kind', '=', 'offer')
    .where('expires_at', '>', c.now)
    .returning(['id', 'expires_at'])
    .executeTakeFirst();
}

/** A hold of kind 'offer' for a place the caller already counts in `slots.taken` (a freed place). */
export async function insertCountedOfferHold(
  db: Kysely<DB>,
  h: { id: string; slotId: number; procedure: string; channel: string; expiresAt: Date; now: Date },
): Promise<void> {
  await db
    .insertInto('holds')
    .values({
      id: h.id,
      slot_id: h.slotId,
      kind: 'offer',
      procedure_code: h.procedure,
      channel: h.channel,
      expires_at: h.expiresAt,
      created_at: h.now,
    })
    .execute();
}

/**
 * Deletes an offer's hold (offered, or claimed and not yet confirmed) and hands its place, still counted
 * in `slots.taken`, to the caller; the slot and whether the place was a reserved one, when it was there.
 */
export async function deleteHoldKeepingPlace(
  db: Kysely<DB>,
  holdId: string,
): Promise<{ slotId: number; reserved: boolean } | undefined> {
  const row = await db
    .deleteFrom('holds')
    .where('id', '=', holdId)
    .where('kind', 'in', ['offer', 'citizen'])
    .returning(['slot_id', 'reserved'])
    .executeTakeFirst();
  return row ? { slotId: row.slot_id, reserved: row.reserved } : undefined;
}

/** A claimed draw offer's live hold, now of this client's session (the same link opened again). */
export function rebindClaimedHold(db: Kysely<DB>, c: { holdId: string; sessionKey: string; now: Date }) {
  return db
    .updateTable('holds')
    .set({ session_key: c.sessionKey })
    .where('id', '=', c.holdId)
    .where('kind', '=', 'citizen')
    .where('person_key', 'is not', null)
    .where('expires_at', '>', c.now)
    .returning(['id', 'expires_at'])
    .executeTakeFirst();
}
