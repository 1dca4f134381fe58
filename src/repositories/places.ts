import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { deadlineDayOf, type SlotFacts, slotFactsQuery } from './availability.js';

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

/** The conditions under which a slot's place can be taken for a procedure and channel (public places). */
function publicRoom(r: PlaceRequest): RawBuilder<boolean> {
  return room(r, sql`(s.taken - s.reserved_taken) < (s.capacity - s.reserved)`);
}

/** The same, for a place of the deadline-day reserve: only on the NIT's deadline day. */
function reservedRoom(r: PlaceRequest & { deadline: { nit: string; now: Date } }): RawBuilder<boolean> {
  return room(r, sql`s.reserved_taken < s.reserved AND ${deadlineDayOf(r.deadline.nit)}`);
}

function room(r: PlaceRequest, free: RawBuilder<unknown>): RawBuilder<boolean> {
  const soonest = r.deadline
    ? sql`(s.starts_at >= ${r.earliest} OR (s.starts_at > ${r.deadline.now} AND ${deadlineDayOf(r.deadline.nit)}))`
    : sql`s.starts_at >= ${r.earliest}`;
  return sql<boolean>`s.id = ${r.slotId}
    AND s.channel = ${r.channel}
    AND s.status = 'open'
    AND ${soonest}
    AND s.local_date <= ${r.lastDate}::date
    AND ${free}
    AND EXISTS (
      SELECT 1 FROM capacity_line_procedures lp
      JOIN capacity_lines l ON l.id = lp.capacity_line_id AND l.active
      WHERE lp.capacity_line_id = s.capacity_line_id AND lp.procedure_code = ${r.procedure})
    AND EXISTS (SELECT 1 FROM offices o WHERE o.code = s.office_code AND o.active)`;
}

export interface NewHold extends PlaceRequest {
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

/** Deletes a slot's expired holds and gives their places back; returns how many. */
export async function reclaimExpiredHolds(db: Kysely<DB>, slotId: number, now: Date): Promise<number> {
  const result = await sql<{ freed: number }>`
    WITH gone AS (
      DELETE FROM holds WHERE slot_id = ${slotId} AND expires_at <= ${now} RETURNING reserved
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
      DELETE FROM holds WHERE slot_id = ${slotId} AND expires_at <= ${now} RETURNING reserved
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

/** Gives one appointment's place back to its slot at once. */
export async function givePlaceBack(db: Kysely<DB>, slotId: number, reserved: boolean): Promise<void> {
  await sql`
    UPDATE slots SET taken = taken - 1, reserved_taken = reserved_taken - ${reserved ? 1 : 0}
    WHERE id = ${slotId}`.execute(db);
}

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

export interface ConsumedHold {
  slot_id: number;
  procedure_code: string | null;
  channel: string | null;
  reserved: boolean;
  nit: string | null;
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
      RETURNING slot_id, procedure_code, channel, reserved, nit
    )
    SELECT l.locked, g.slot_id, g.procedure_code, g.channel, g.reserved, g.nit, s.office_code, s.starts_at, s.ends_at
    FROM (SELECT ${lock} IS NULL AS locked) AS l
    LEFT JOIN (gone g JOIN slots s ON s.id = g.slot_id) ON true`.execute(db);
  const row = result.rows[0];
  if (!row || row.slot_id === null) return undefined;
  const { locked: _locked, ...hold } = row;
  return hold;
}
