import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type PlaceRequest, publicRoom, reservedRoom } from '../places.js';

/**
 * Citizens' holds: a place taken for a person for a few minutes while they give their data. The
 * `holds` table is written only in this folder: here the citizen's hold from taking to confirmation,
 * `kept.ts` the places kept for someone (alert offers, rebooking, release delay), `expired.ts` the
 * reclaiming of holds past their time. Each statement that adds or removes a hold changes the slot's
 * `taken` in the same statement or transaction, so the counters never drift.
 */

interface NewHold extends PlaceRequest {
  sessionKey: string | null;
  expiresAt: Date;
}

/** Takes a place and records the hold in one statement; undefined when there was no room (or no such slot). */
export async function takePlaceWithHold(
  db: Kysely<DB>,
  h: NewHold,
): Promise<{ id: string; expiresAt: Date } | undefined> {
  const result = await sql<{ id: string; expires_at: Date }>`
    WITH taken AS (
      UPDATE slots s SET taken = s.taken + 1
      WHERE ${publicRoom(h)}
      RETURNING s.id
    )
    INSERT INTO holds (slot_id, kind, session_key, procedure_code, channel, expires_at)
    SELECT id, 'citizen', ${h.sessionKey}, ${h.procedure}, ${h.channel}, ${h.expiresAt} FROM taken
    RETURNING id, expires_at`.execute(db);
  const row = result.rows[0];
  return row ? { id: row.id, expiresAt: row.expires_at } : undefined;
}

/**
 * Takes one of the places reserved for the NIT's deadline day, in one conditional statement like the
 * public one: the reserve can never be overdrawn and nobody else can take it.
 */
export async function takeReservedPlaceWithHold(
  db: Kysely<DB>,
  h: NewHold & { deadline: { nit: string; now: Date } },
): Promise<{ id: string; expiresAt: Date } | undefined> {
  const result = await sql<{ id: string; expires_at: Date }>`
    WITH taken AS (
      UPDATE slots s SET taken = s.taken + 1, reserved_taken = s.reserved_taken + 1
      WHERE ${reservedRoom(h)}
      RETURNING s.id
    )
    INSERT INTO holds (slot_id, kind, session_key, procedure_code, channel, expires_at, reserved, nit)
    SELECT id, 'citizen', ${h.sessionKey}, ${h.procedure}, ${h.channel}, ${h.expiresAt}, true, ${h.deadline.nit}
    FROM taken
    RETURNING id, expires_at`.execute(db);
  const row = result.rows[0];
  return row ? { id: row.id, expiresAt: row.expires_at } : undefined;
}

/** Deletes a session's other citizen holds (a new hold replaces the old one) and gives their places back. */
export async function releaseSessionHolds(
  db: Kysely<DB>,
  sessionKey: string,
  keepHoldId: string,
): Promise<void> {
  await sql`
    WITH gone AS (
      DELETE FROM holds WHERE session_key = ${sessionKey} AND kind = 'citizen' AND id <> ${keepHoldId}
      RETURNING slot_id, reserved
    ), per_slot AS (
      SELECT slot_id, count(*) AS n, count(*) FILTER (WHERE reserved) AS r FROM gone GROUP BY slot_id
    )
    UPDATE slots s SET taken = s.taken - p.n, reserved_taken = s.reserved_taken - p.r
    FROM per_slot p WHERE s.id = p.slot_id`.execute(db);
}

interface ConsumedHold {
  slot_id: number;
  procedure_code: string | null;
  channel: string | null;
  reserved: boolean;
  nit: string | null;
  /** Set on a claimed draw offer: only this person may confirm it. */
  person_key: string | null;
  session_key: string | null;
  office_code: string;
  starts_at: Date;
  ends_at: Date;
}

/**
 * Takes the person's lock (`personLock`) and consumes their live citizen hold (its place passes to the
 * appointment), reading its slot, in one statement: one round trip where there were three. Undefined
 * when no such hold is live. The lock is held to the end of the transaction, so a later statement sees
 * every booking of the person.
 */
export async function lockAndConsumeHold(
  db: Kysely<DB>,
  holdId: string,
  lock: RawBuilder<unknown>,
  now: Date,
): Promise<ConsumedHold | undefined> {
  const result = await sql<ConsumedHold & { locked: boolean }>`
    WITH gone AS (
      DELETE FROM holds WHERE id = ${holdId} AND kind = 'citizen' AND expires_at > ${now}
      RETURNING slot_id, procedure_code, channel, reserved, nit, person_key, session_key
    )
    SELECT l.locked, g.slot_id, g.procedure_code, g.channel, g.reserved, g.nit, g.person_key, g.session_key,
      s.office_code, s.starts_at, s.ends_at
    FROM (SELECT ${lock} IS NULL AS locked) AS l
    LEFT JOIN (gone g JOIN slots s ON s.id = g.slot_id) ON true`.execute(db);
  const row = result.rows[0];
  if (!row || row.slot_id === null) return undefined;
  const { locked: _locked, ...hold } = row;
  return hold;
}

/**
 * Drops the citizens' holds and the places kept for rebooking on closed slots (nobody may confirm a
 * place on a closed day; a pass whose kept place is dropped still lets its holder choose another time).
 */
export async function dropCitizenHolds(db: Kysely<DB>, slotIds: readonly number[]): Promise<void> {
  if (slotIds.length === 0) return;
  await sql`
    WITH gone AS (
      DELETE FROM holds WHERE kind IN ('citizen', 'priority') AND slot_id IN (${sql.join([...slotIds])})
      RETURNING slot_id, reserved
    ), per_slot AS (
      SELECT slot_id, count(*) AS n, count(*) FILTER (WHERE reserved) AS r FROM gone GROUP BY slot_id
    )
    UPDATE slots s SET taken = s.taken - p.n, reserved_taken = s.reserved_taken - p.r
    FROM per_slot p WHERE s.id = p.slot_id`.execute(db);
}

/** A live citizen hold with its slot; undefined when it expired or never existed. */
export function selectLiveCitizenHold(db: Kysely<DB>, holdId: string, now: Date) {
  return db
    .selectFrom('holds as h')
    .innerJoin('slots as s', 's.id', 'h.slot_id')
    .select([
      'h.id',
      'h.slot_id',
      'h.procedure_code',
      'h.channel',
      'h.expires_at',
      'h.session_key',
      'h.draft',
      'h.reserved',
      'h.nit',
      's.office_code',
      's.starts_at',
      's.ends_at',
    ])
    .where('h.id', '=', holdId)
    .where('h.kind', '=', 'citizen')
    .where('h.expires_at', '>', now)
    .executeTakeFirst();
}

/** Stores what a person typed with their live hold; false when the hold is gone. */
export async function updateHoldDraft(
  db: Kysely<DB>,
  holdId: string,
  draft: unknown,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('holds')
    .set({ draft: JSON.stringify(draft) })
    .where('id', '=', holdId)
    .where('kind', '=', 'citizen')
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
