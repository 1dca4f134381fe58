import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Releases (migration 0310) and the slots whose free places belong to them. */

export interface NewRelease {
  id: string;
  lineId: number;
  procedure: string;
  channel: string;
  officeCode: string;
  from: string;
  to: string;
  opensAt: Date;
  closesAt: Date;
  seed: Buffer;
  seedHash: string;
  staffId: number | null;
  now: Date;
}

export async function insertRelease(db: Kysely<DB>, r: NewRelease): Promise<void> {
  await db
    .insertInto('releases')
    .values({
      id: r.id,
      capacity_line_id: r.lineId,
      procedure_code: r.procedure,
      channel: r.channel,
      office_code: r.officeCode,
      date_from: r.from,
      date_to: r.to,
      opens_at: r.opensAt,
      closes_at: r.closesAt,
      seed: r.seed,
      seed_hash: r.seedHash,
      created_by_staff_id: r.staffId,
      created_at: r.now,
    })
    .execute();
}

/**
 * Gives the release the free places of the line's open slots in the date range that start after
 * `after` and belong to no other release: from now on nobody can hold them. Returns how many slots and
 * free places it took.
 */
export async function attachSlots(
  db: Kysely<DB>,
  a: { releaseId: string; lineId: number; from: string; to: string; after: Date },
): Promise<{ slots: number; places: number }> {
  const result = await sql<{ slots: number; places: number }>`
    WITH attached AS (
      UPDATE slots s SET release_id = ${a.releaseId}
      WHERE s.capacity_line_id = ${a.lineId}
        AND s.local_date BETWEEN ${a.from}::date AND ${a.to}::date
        AND s.status = 'open' AND s.release_id IS NULL AND s.starts_at > ${a.after}
        AND (s.capacity - s.reserved) - (s.taken - s.reserved_taken) > 0
      RETURNING (s.capacity - s.reserved) - (s.taken - s.reserved_taken) AS free
    )
    SELECT count(*)::int AS slots, coalesce(sum(free), 0)::int AS places FROM attached`.execute(db);
  return result.rows[0] ?? { slots: 0, places: 0 };
}

export function selectRelease(db: Kysely<DB>, id: string, { lock = false } = {}) {
  return db
    .selectFrom('releases as r')
    .innerJoin('offices as o', 'o.code', 'r.office_code')
    .selectAll('r')
    .select(['o.name as office_name', 'o.city_code'])
    .where('r.id', '=', id)
    .$if(lock, (q) => q.forUpdate('r'))
    .executeTakeFirst();
}

export type ReleaseRow = NonNullable<Awaited<ReturnType<typeof selectRelease>>>;

/** Releases not yet drawn, or drawn since `drawnSince`, that match the filters; soonest first. */
export function selectReleases(
  db: Kysely<DB>,
  f: { procedure?: string; channel?: string; officeCode?: string; cityCode?: string; drawnSince: Date },
) {
  return db
    .selectFrom('releases as r')
    .innerJoin('offices as o', 'o.code', 'r.office_code')
    .selectAll('r')
    .select(['o.name as office_name', 'o.city_code'])
    .where((eb) => eb.or([eb('r.drawn_at', 'is', null), eb('r.drawn_at', '>=', f.drawnSince)]))
    .$if(f.procedure !== undefined, (q) => q.where('r.procedure_code', '=', f.procedure as string))
    .$if(f.channel !== undefined, (q) => q.where('r.channel', '=', f.channel as string))
    .$if(f.officeCode !== undefined, (q) => q.where('r.office_code', '=', f.officeCode as string))
    .$if(f.cityCode !== undefined, (q) => q.where('o.city_code', '=', f.cityCode as string))
    .orderBy('r.opens_at')
    .orderBy('r.id')
    .limit(200)
    .execute();
}

/** The free places that still belong to the release, counted live from its slots. */
export async function countReleasePlaces(db: Kysely<DB>, releaseId: string): Promise<number> {
  const row = await db
    .selectFrom('slots as s')
    .select(
      sql<number>`coalesce(sum((s.capacity - s.reserved) - (s.taken - s.reserved_taken)), 0)::int`.as('n'),
    )
    .where('s.release_id', '=', releaseId)
    .where('s.status', '=', 'open')
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The release a slot's free places belong to now, if any (the slot should be locked by the caller). */
export async function selectReleaseOfSlot(db: Kysely<DB>, slotId: number): Promise<string | undefined> {
  const row = await db.selectFrom('slots').select('release_id').where('id', '=', slotId).executeTakeFirst();
  return row?.release_id ?? undefined;
}

/** The slots leave their release: their free places go to alerts and public search like any other. */
export async function detachSlots(db: Kysely<DB>, slotIds: readonly number[]): Promise<void> {
  if (slotIds.length === 0) return;
  await db
    .updateTable('slots')
    .set({ release_id: null })
    .where('id', 'in', [...slotIds])
    .execute();
}

/** The days of the release that have places in it (before the draw: every day a person may ask for). */
export async function selectReleaseDays(db: Kysely<DB>, releaseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('slots')
    .select('local_date')
    .distinct()
    .where('release_id', '=', releaseId)
    .orderBy('local_date')
    .execute();
  return rows.map((r) => r.local_date);
}

/** A slot's start and the release its free places belong to, locked (the order: slot, then its holds). */
export function lockReleaseSlot(db: Kysely<DB>, slotId: number) {
  return db
    .selectFrom('slots')
    .select(['id', 'release_id', 'local_date', 'starts_at'])
    .where('id', '=', slotId)
    .forUpdate()
    .executeTakeFirst();
}

/** The active lines of an office and channel that attend the procedure (a release's line by its place). */
export async function selectLinesServing(
  db: Kysely<DB>,
  s: { officeCode: string; channel: string; procedure: string },
): Promise<number[]> {
  const rows = await db
    .selectFrom('capacity_lines as l')
    .innerJoin('capacity_line_procedures as lp', 'lp.capacity_line_id', 'l.id')
    .select('l.id')
    .where('l.office_code', '=', s.officeCode)
    .where('l.channel', '=', s.channel)
    .where('l.active', '=', true)
    .where('lp.procedure_code', '=', s.procedure)
    .orderBy('l.id')
    .execute();
  return rows.map((r) => r.id);
}
