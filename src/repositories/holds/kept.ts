import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Places kept for someone, as holds of their own kind: `release` (a freed place kept out of public
 * search for RELEASE_DELAY_SECONDS), `offer` (held for an alert subscriber during the claim window),
 * `priority` (kept for a person whose appointment a closure cancelled). See `citizen.ts` for the rules
 * every hold follows.
 */

/**
 * Keeps a freed place out of public search until `until` by turning it into a hold of kind 'release';
 * the place stays counted in `taken` and becomes free by itself when the hold expires.
 */
export async function holdPlaceUntil(
  db: Kysely<DB>,
  slotId: number,
  reserved: boolean,
  until: Date,
): Promise<void> {
  await db
    .insertInto('holds')
    .values({ slot_id: slotId, kind: 'release', reserved, expires_at: until })
    .execute();
}

export async function insertOfferHold(
  db: Kysely<DB>,
  h: { id: string; slotId: number; procedureCode: string; channel: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('holds')
    .values({
      id: h.id,
      slot_id: h.slotId,
      kind: 'offer',
      procedure_code: h.procedureCode,
      channel: h.channel,
      expires_at: h.expiresAt,
      created_at: h.now,
    })
    .execute();
}

/** Rebooking passes and the places kept for them (migration 0530, decision 010). */

export async function insertPriorityHold(
  db: Kysely<DB>,
  h: { slotId: number; procedure: string; channel: string; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('holds')
    .values({
      slot_id: h.slotId,
      kind: 'priority',
      procedure_code: h.procedure,
      channel: h.channel,
      expires_at: h.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Deletes a live kept place's hold; its slot when it was live (the place is then the caller's). */
export async function consumePriorityHold(
  db: Kysely<DB>,
  holdId: string,
  now: Date,
): Promise<{ slotId: number } | undefined> {
  const row = await db
    .deleteFrom('holds')
    .where('id', '=', holdId)
    .where('kind', '=', 'priority')
    .where('expires_at', '>', now)
    .returning('slot_id')
    .executeTakeFirst();
  return row ? { slotId: row.slot_id } : undefined;
}

/** A live hold by id (any kind), with its expiry. */
export function selectLiveHold(db: Kysely<DB>, holdId: string, now: Date) {
  return db
    .selectFrom('holds')
    .select(['id', 'expires_at'])
    .where('id', '=', holdId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * An alert offer's hold becomes an ordinary citizen hold kept until `until`; undefined when the offer's
 * hold was gone (its window ended).
 */
export function turnOfferHoldIntoCitizenHold(db: Kysely<DB>, holdId: string, until: Date, now: Date) {
  return db
    .updateTable('holds')
    .set({ kind: 'citizen', expires_at: until })
    .where('id', '=', holdId)
    .where('kind', '=', 'offer')
    .where('expires_at', '>', now)
    .returning(['id', 'expires_at'])
    .executeTakeFirst();
}

/** Deletes an offer's hold; false when it was gone already. The caller decides where the place goes. */
export async function deleteOfferHold(db: Kysely<DB>, holdId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('holds')
    .where('id', '=', holdId)
    .where('kind', '=', 'offer')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
