import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { PartOfDay } from '../../domain/release.js';

/**
 * The statements of a draw, each over the whole release at once: a draw of 100,000 entries over 20,000
 * places is a handful of statements, not 100,000 round trips.
 */

/**
 * Locks the release for its draw and returns it when it is due (window closed) and not drawn yet. A
 * second process closing the same release waits here, then finds it drawn: one draw, whatever happens.
 */
export function lockReleaseToDraw(db: Kysely<DB>, id: string, now: Date) {
  return db
    .selectFrom('releases')
    .selectAll()
    .where('id', '=', id)
    .where('drawn_at', 'is', null)
    .where('closes_at', '<=', now)
    .forUpdate()
    .executeTakeFirst();
}

export async function selectConfirmedEntries(
  db: Kysely<DB>,
  releaseId: string,
): Promise<{ id: string; dates: string[] | null; partOfDay: PartOfDay | null }[]> {
  const rows = await db
    .selectFrom('release_entries')
    .select(['id', 'dates', 'part_of_day'])
    .where('release_id', '=', releaseId)
    .where('status', '=', 'confirmed')
    .execute();
  return rows.map((r) => ({ id: r.id, dates: r.dates, partOfDay: r.part_of_day }));
}

/** Numbers the confirmed entries 1, 2, 3… in the order given (the draw order). */
export async function setDrawPositions(db: Kysely<DB>, orderedIds: readonly string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  await sql`
    UPDATE release_entries e SET draw_position = o.position
    FROM unnest(${[...orderedIds]}::uuid[]) WITH ORDINALITY AS o(id, position)
    WHERE e.id = o.id`.execute(db);
}

export interface LockedPlaces {
  slotId: number;
  date: string;
  startsAt: Date;
  free: number;
}

/** The release's slots that still have free places, locked in id order (the order every writer uses). */
export async function lockFreePlaces(db: Kysely<DB>, releaseId: string): Promise<LockedPlaces[]> {
  const rows = await db
    .selectFrom('slots as s')
    .select([
      's.id',
      's.local_date',
      's.starts_at',
      sql<number>`(s.capacity - s.reserved) - (s.taken - s.reserved_taken)`.as('free'),
    ])
    .where('s.release_id', '=', releaseId)
    .where('s.status', '=', 'open')
    .orderBy('s.id')
    .forUpdate()
    .execute();
  return rows
    .filter((r) => r.free > 0)
    .map((r) => ({ slotId: r.id, date: r.local_date, startsAt: r.starts_at, free: r.free }));
}

export async function markDrawn(
  db: Kysely<DB>,
  id: string,
  d: { now: Date; places: number; entries: number },
): Promise<void> {
  await db
    .updateTable('releases')
    .set({ drawn_at: d.now, drawn_places: d.places, drawn_entries: d.entries })
    .where('id', '=', id)
    .where('drawn_at', 'is', null)
    .execute();
}
