import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OfficeScope } from '../../domain/access.js';
import { officeScopeCondition } from '../office-scope.js';

/** The releases the back office lists and reports on (migration 0310), limited to an office scope. */

export interface ReleaseListFilter {
  scope: OfficeScope;
  id?: string;
  /** Only releases whose days overlap this range. */
  from?: string;
  to?: string;
  officeCodes?: readonly string[] | null;
  seccional?: string | null;
  procedure?: string | null;
  channel?: string | null;
}

/** Releases in scope, newest window first, with their office, line and procedure names. */
export function selectReleasesForStaff(db: Kysely<DB>, f: ReleaseListFilter) {
  return db
    .selectFrom('releases as r')
    .innerJoin('offices as o', 'o.code', 'r.office_code')
    .innerJoin('capacity_lines as l', 'l.id', 'r.capacity_line_id')
    .innerJoin('procedures as p', 'p.code', 'r.procedure_code')
    .select([
      'r.id',
      'r.capacity_line_id',
      'r.procedure_code',
      'r.channel',
      'r.office_code',
      'r.date_from',
      'r.date_to',
      'r.opens_at',
      'r.closes_at',
      'r.drawn_at',
      'r.seed_hash',
      'r.created_at',
      'o.name as office_name',
      'o.seccional_code',
      'l.name as line_name',
      'p.name_es as procedure_name_es',
      'p.name_en as procedure_name_en',
    ])
    .where(officeScopeCondition(f.scope, 'o.code', 'o.seccional_code'))
    .$if(f.id !== undefined, (q) => q.where('r.id', '=', f.id as string))
    .$if(f.from !== undefined, (q) => q.where('r.date_to', '>=', f.from as string))
    .$if(f.to !== undefined, (q) => q.where('r.date_from', '<=', f.to as string))
    .$if(f.officeCodes != null, (q) =>
      (f.officeCodes ?? []).length === 0
        ? q.where(sql<boolean>`false`)
        : q.where('r.office_code', 'in', [...(f.officeCodes ?? [])]),
    )
    .$if(f.seccional != null, (q) => q.where('o.seccional_code', '=', f.seccional as string))
    .$if(f.procedure != null, (q) => q.where('r.procedure_code', '=', f.procedure as string))
    .$if(f.channel != null, (q) => q.where('r.channel', '=', f.channel as string))
    .orderBy('r.opens_at', 'desc')
    .orderBy('r.id')
    .limit(200)
    .execute();
}

export type StaffReleaseRow = Awaited<ReturnType<typeof selectReleasesForStaff>>[number];

export interface ReleaseFigures {
  release_id: string;
  /** The places the draw had to give; before it, the free places the release holds now. */
  places: number;
  entries: number;
  /** Distinct documents among the confirmed entries: equal to `entries` while one entry per document holds. */
  people: number;
  offers: number;
  claimed: number;
  booked: number;
  passed_on: number;
  refilled: number;
  /** When the claims first covered every place of the draw (null: not yet, or nothing to claim). */
  all_claimed_at: Date | null;
}

/** The figures of each release named, in one statement (absent ids are left out). */
export async function selectReleaseFigures(
  db: Kysely<DB>,
  releaseIds: readonly string[],
): Promise<ReleaseFigures[]> {
  if (releaseIds.length === 0) return [];
  const result = await sql<ReleaseFigures>`
    WITH chosen AS (
      SELECT r.id, r.drawn_places FROM releases r WHERE r.id IN (${sql.join(releaseIds.map((id) => sql`${id}::uuid`))})
    ),
    live AS (
      SELECT s.release_id,
        coalesce(sum(CASE WHEN s.status = 'open'
          THEN (s.capacity - s.reserved) - (s.taken - s.reserved_taken) ELSE 0 END), 0)::int AS free
      FROM slots s JOIN chosen c ON c.id = s.release_id GROUP BY s.release_id
    ),
    entries AS (
      SELECT e.release_id, count(*)::int AS entries, count(DISTINCT e.person_key)::int AS people
      FROM release_entries e JOIN chosen c ON c.id = e.release_id
      WHERE e.status = 'confirmed' GROUP BY e.release_id
    ),
    offers AS (
      SELECT o.release_id,
        count(*)::int AS offers,
        count(*) FILTER (WHERE o.status IN ('claimed', 'booked'))::int AS claimed,
        count(*) FILTER (WHERE o.status = 'booked')::int AS booked,
        count(*) FILTER (WHERE o.status IN ('declined', 'expired'))::int AS passed_on,
        count(*) FILTER (WHERE o.reason = 'refill')::int AS refilled
      FROM release_offers o JOIN chosen c ON c.id = o.release_id GROUP BY o.release_id
    ),
    claims AS (
      SELECT o.release_id, o.decided_at,
        row_number() OVER (PARTITION BY o.release_id ORDER BY o.decided_at, o.id) AS n
      FROM release_offers o JOIN chosen c ON c.id = o.release_id
      WHERE o.status IN ('claimed', 'booked')
    )
    SELECT c.id AS release_id,
      coalesce(c.drawn_places, l.free, 0)::int AS places,
      coalesce(e.entries, 0)::int AS entries,
      coalesce(e.people, 0)::int AS people,
      coalesce(o.offers, 0)::int AS offers,
      coalesce(o.claimed, 0)::int AS claimed,
      coalesce(o.booked, 0)::int AS booked,
      coalesce(o.passed_on, 0)::int AS passed_on,
      coalesce(o.refilled, 0)::int AS refilled,
      (SELECT k.decided_at FROM claims k
        WHERE k.release_id = c.id AND c.drawn_places > 0 AND k.n = c.drawn_places) AS all_claimed_at
    FROM chosen c
    LEFT JOIN live l ON l.release_id = c.id
    LEFT JOIN entries e ON e.release_id = c.id
    LEFT JOIN offers o ON o.release_id = c.id`.execute(db);
  return result.rows;
}

/** The active lines in scope and each procedure they attend: what a release can be made of. */
export function selectReleasableLines(db: Kysely<DB>, scope: OfficeScope) {
  return db
    .selectFrom('capacity_lines as l')
    .innerJoin('offices as o', 'o.code', 'l.office_code')
    .innerJoin('capacity_line_procedures as lp', 'lp.capacity_line_id', 'l.id')
    .innerJoin('procedures as p', 'p.code', 'lp.procedure_code')
    .select([
      'l.id',
      'l.name',
      'l.channel',
      'o.name as office_name',
      'p.code as procedure_code',
      'p.name_es',
      'p.name_en',
    ])
    .where('l.active', '=', true)
    .where(officeScopeCondition(scope, 'o.code', 'o.seccional_code'))
    .orderBy('l.office_code')
    .orderBy('l.channel')
    .orderBy('l.id')
    .orderBy('p.sort_order')
    .execute();
}

/**
 * The free places a release of the line's days would take now (the conditions of `attachSlots`):
 * what the publish preview adds to the places of the days it is about to create.
 */
export async function countAttachablePlaces(
  db: Kysely<DB>,
  a: { lineId: number; from: string; to: string; after: Date },
): Promise<number> {
  const row = await db
    .selectFrom('slots as s')
    .select(
      sql<number>`coalesce(sum((s.capacity - s.reserved) - (s.taken - s.reserved_taken)), 0)::int`.as('n'),
    )
    .where('s.capacity_line_id', '=', a.lineId)
    .where(sql<boolean>`s.local_date BETWEEN ${a.from}::date AND ${a.to}::date`)
    .where('s.status', '=', 'open')
    .where('s.release_id', 'is', null)
    .where('s.starts_at', '>', a.after)
    .where(sql<boolean>`(s.capacity - s.reserved) - (s.taken - s.reserved_taken) > 0`)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The procedures a line attends, with their names. */
export function selectProceduresOfLine(db: Kysely<DB>, lineId: number) {
  return db
    .selectFrom('capacity_line_procedures as lp')
    .innerJoin('procedures as p', 'p.code', 'lp.procedure_code')
    .select(['p.code', 'p.name_es', 'p.name_en'])
    .where('lp.capacity_line_id', '=', lineId)
    .orderBy('p.sort_order')
    .execute();
}
