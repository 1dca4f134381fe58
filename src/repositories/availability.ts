import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { PREPARED_MARK } from '../db/database.js';
import type { DB } from '../db/schema.js';

/**
 * Availability read straight from the slots' counters. A slot's free public places are
 * (capacity − reserved) − (taken − reserved_taken), plus its expired holds that no one has reclaimed
 * yet: an abandoned hold stops counting at its expiry whether or not a job has run. A slot of a release is
 * never free here: its places go by draw (the journey shows the release instead).
 */
export interface AvailabilityScope {
  procedure: string;
  channel: string;
  officeCode?: string;
  cityCodes?: readonly string[];
  /** Slots starting before this instant are not offered (minimum lead time). */
  earliest: Date;
  now: Date;
  /**
   * The NIT (without check digit) of the person searching, if given: on the day of their tax deadline
   * they also see the places reserved for it, and the minimum lead time is waived.
   */
  nit?: string | null | undefined;
}

/** Whether the slot's day is a tax deadline of the NIT (the calendar is keyed on its last digits). */
export function deadlineDayOf(
  nit: string,
  day: RawBuilder<unknown> = sql`s.local_date`,
): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM tax_deadlines d
    WHERE d.due_date = ${day} AND right(${nit}, length(d.last_digits)) = d.last_digits)`;
}

/** The tax deadlines of the NIT from one date to another (both included), earliest first. */
export async function selectDeadlineDates(
  db: Kysely<DB>,
  nit: string,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('tax_deadlines as d')
    .select('d.due_date')
    .distinct()
    .where('d.due_date', '>=', from)
    .where('d.due_date', '<=', to)
    .where(sql<boolean>`right(${nit}, length(d.last_digits)) = d.last_digits`)
    .orderBy('d.due_date')
    .execute();
  return rows.map((r) => r.due_date);
}

const PUBLIC_FREE = sql<number>`greatest(0, (s.capacity - s.reserved) - (s.taken - s.reserved_taken) + coalesce(e.n, 0))`;

/** Free places of a slot for the one searching: the public ones, plus the reserve on their deadline day. */
function free(q: AvailabilityScope): RawBuilder<number> {
  if (!q.nit) return PUBLIC_FREE;
  return sql<number>`(CASE WHEN ${deadlineDayOf(q.nit)}
    THEN greatest(0, s.capacity - s.taken + coalesce(e.a, 0)) ELSE ${PUBLIC_FREE} END)`;
}

/** Hot searches are prepared statements on PostgreSQL: planned once per connection, not per request. */
const PREPARED = sql.raw(PREPARED_MARK);

/**
 * The capacity lines in scope, found first: a handful of rows from the catalogue tables. The slots are
 * then read by (capacity line, day) through `slots_line_day`, so a search touches only the slots of its
 * own lines and days, never the whole agenda (measured in docs/scaling.md).
 */
function linesInScope(q: AvailabilityScope): RawBuilder<unknown> {
  const office = q.officeCode ? sql`AND o.code = ${q.officeCode}` : sql``;
  const cities =
    q.cityCodes && q.cityCodes.length > 0
      ? sql`AND o.city_code IN (${sql.join(q.cityCodes.map((c) => sql`${c}`))})`
      : sql``;
  return sql`
    SELECT l.id, l.office_code
    FROM capacity_lines l
    JOIN capacity_line_procedures lp ON lp.capacity_line_id = l.id AND lp.procedure_code = ${q.procedure}
    JOIN offices o ON o.code = l.office_code AND o.active
    WHERE l.active AND l.channel = ${q.channel} ${office} ${cities}`;
}

/**
 * Slots not starting before the lead time; on a deadline day of the NIT searching, any slot not yet
 * started (same-day booking is allowed to the person whose deadline it is).
 */
function soonest(q: AvailabilityScope): RawBuilder<boolean> {
  return q.nit
    ? sql<boolean>`(s.starts_at >= ${q.earliest} OR (s.starts_at > ${q.now} AND ${deadlineDayOf(q.nit)}))`
    : sql<boolean>`s.starts_at >= ${q.earliest}`;
}

/**
 * Slots of the lines in scope, open, of the wanted channel, not starting too soon. A slot's office is its
 * line's (slots are published from their line), so the join is on the line alone: with the office in it
 * too, the planner combined two wider indexes instead of `slots_line_day` (pgbench: 5,469 → 7,285/s).
 */
function slotsOfLines(q: AvailabilityScope, days: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    FROM lines
    JOIN slots s ON s.capacity_line_id = lines.id
    WHERE ${days} AND s.channel = ${q.channel} AND s.status = 'open' AND s.release_id IS NULL
      AND ${soonest(q)}`;
}

/**
 * The slot's expired holds that no job has reclaimed yet, read per slot through `holds_slot_expiry`.
 * Per slot, not per day: a day-wide scan of `holds` was planned as a parallel scan of `slots` whenever
 * the holds table had grown (measured 18 searches/s during a rush, see docs/scaling.md).
 */
const EXPIRED_HOLDS_OF_SLOT = (now: Date) => sql`CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE NOT h.reserved) AS n, count(*) AS a
    FROM holds h WHERE h.slot_id = s.id AND h.expires_at <= ${now}) e`;

export async function selectDaysWithRoom(
  db: Kysely<DB>,
  q: AvailabilityScope & { from: string; to: string },
): Promise<{ date: string; available: number }[]> {
  const range = sql`s.local_date BETWEEN ${q.from}::date AND ${q.to}::date`;
  const result = await sql<{ date: string; available: number }>`
    ${PREPARED}WITH lines AS MATERIALIZED (${linesInScope(q)})
    SELECT s.local_date AS date, sum(${free(q)})::int AS available
    FROM (SELECT s.* ${slotsOfLines(q, range)}) s
    ${EXPIRED_HOLDS_OF_SLOT(q.now)}
    GROUP BY s.local_date
    HAVING sum(${free(q)}) > 0
    ORDER BY s.local_date`.execute(db);
  return result.rows;
}

export interface SlotWithRoom {
  slotId: number;
  officeCode: string;
  startsAt: Date;
  endsAt: Date;
  available: number;
}

interface SlotRow {
  id: number;
  office_code: string;
  starts_at: Date;
  ends_at: Date;
  available: number;
}

function slotWithRoom(r: SlotRow): SlotWithRoom {
  return {
    slotId: r.id,
    officeCode: r.office_code,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    available: r.available,
  };
}

export async function selectSlotsWithRoom(
  db: Kysely<DB>,
  q: AvailabilityScope & { date: string },
): Promise<SlotWithRoom[]> {
  const day = sql`s.local_date = ${q.date}::date`;
  const result = await sql<SlotRow>`
    ${PREPARED}WITH lines AS MATERIALIZED (${linesInScope(q)})
    SELECT s.id, s.office_code, s.starts_at, s.ends_at, ${free(q)}::int AS available
    FROM (SELECT s.* ${slotsOfLines(q, day)}) s
    ${EXPIRED_HOLDS_OF_SLOT(q.now)}
    WHERE ${free(q)} > 0
    ORDER BY s.starts_at, s.office_code`.execute(db);
  return result.rows.map(slotWithRoom);
}

/**
 * The earliest slot with room in each office of the scope, earliest first: for each line, its slots in
 * time order until one has room. Planned per call (not prepared): a generic plan measured 20 times slower.
 */
export async function selectFirstPerOffice(
  db: Kysely<DB>,
  q: AvailabilityScope & { lastDate: string; limit: number },
): Promise<SlotWithRoom[]> {
  const window = sql`s.local_date <= ${q.lastDate}::date`;
  const result = await sql<SlotRow>`
    WITH lines AS MATERIALIZED (${linesInScope(q)}),
    line_firsts AS (
      SELECT f.* FROM lines CROSS JOIN LATERAL (
        SELECT s.id, s.office_code, s.starts_at, s.ends_at, ${free(q)}::int AS available
        FROM slots s
        ${EXPIRED_HOLDS_OF_SLOT(q.now)}
        WHERE s.capacity_line_id = lines.id AND s.office_code = lines.office_code
          AND ${window} AND s.channel = ${q.channel} AND s.status = 'open' AND s.release_id IS NULL
          AND ${soonest(q)}
          AND ${free(q)} > 0
        ORDER BY s.starts_at
        LIMIT 1) f
    ),
    firsts AS (
      SELECT DISTINCT ON (office_code) * FROM line_firsts ORDER BY office_code, starts_at
    )
    SELECT * FROM firsts ORDER BY starts_at, office_code LIMIT ${q.limit}`.execute(db);
  return result.rows.map(slotWithRoom);
}

/** What a slot is, for telling a person precisely why it cannot be taken. */
export interface SlotFacts {
  id: number;
  channel: string;
  status: 'open' | 'closed';
  starts_at: Date;
  ends_at: Date;
  local_date: string;
  office_code: string;
  /** The release whose draw gives this slot's places, if any. */
  release_id: string | null;
  line_active: boolean;
  office_active: boolean;
  serves_procedure: SqlBool;
}

export function slotFactsQuery(db: Kysely<DB>, slotId: number, procedure: string) {
  return db
    .selectFrom('slots as s')
    .innerJoin('capacity_lines as l', 'l.id', 's.capacity_line_id')
    .innerJoin('offices as o', 'o.code', 's.office_code')
    .select((eb) => [
      's.id',
      's.channel',
      's.status',
      's.starts_at',
      's.ends_at',
      's.local_date',
      's.office_code',
      's.release_id',
      'l.active as line_active',
      'o.active as office_active',
      eb
        .exists(
          eb
            .selectFrom('capacity_line_procedures as lp')
            .whereRef('lp.capacity_line_id', '=', 's.capacity_line_id')
            .where('lp.procedure_code', '=', procedure),
        )
        .as('serves_procedure'),
    ])
    .where('s.id', '=', slotId);
}

export function selectSlotFacts(
  db: Kysely<DB>,
  slotId: number,
  procedure: string,
): Promise<SlotFacts | undefined> {
  return slotFactsQuery(db, slotId, procedure).executeTakeFirst();
}
