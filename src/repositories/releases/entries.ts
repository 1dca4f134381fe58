import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { PartOfDay } from '../../domain/release.js';

/** Entries of releases (migration 0310): one confirmed entry per document and release. */

export interface NewEntry {
  id: string;
  releaseId: string;
  personKey: string;
  email: string;
  locale: 'es' | 'en';
  dates: readonly string[] | null;
  partOfDay: PartOfDay | null;
  now: Date;
}

/**
 * Records an application as a pending entry; asking again with the same document and e-mail before
 * following the link updates that pending entry instead of adding one. Returns the entry's id.
 */
export async function upsertPendingEntry(db: Kysely<DB>, e: NewEntry): Promise<string> {
  const result = await sql<{ id: string }>`
    INSERT INTO release_entries (id, release_id, person_key, email, locale, dates, part_of_day, created_at)
    VALUES (${e.id}, ${e.releaseId}, ${e.personKey}, ${e.email}, ${e.locale},
      ${e.dates ? [...e.dates] : null}::date[], ${e.partOfDay}, ${e.now})
    ON CONFLICT (release_id, person_key, lower(email)) WHERE status = 'pending'
    DO UPDATE SET locale = excluded.locale, dates = excluded.dates, part_of_day = excluded.part_of_day,
      created_at = excluded.created_at
    RETURNING id`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the entry statement returned no row');
  return row.id;
}

export function selectEntry(db: Kysely<DB>, id: string, { lock = false } = {}) {
  return db
    .selectFrom('release_entries')
    .selectAll()
    .where('id', '=', id)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

export type EntryRow = NonNullable<Awaited<ReturnType<typeof selectEntry>>>;

/**
 * The pending entry becomes the person's entry: their earlier confirmed entry of the release, if any,
 * is replaced in the same transaction (the unique index allows one confirmed entry per document).
 */
export async function confirmPendingEntry(db: Kysely<DB>, entry: EntryRow, now: Date): Promise<void> {
  await db
    .updateTable('release_entries')
    .set({ status: 'replaced' })
    .where('release_id', '=', entry.release_id)
    .where('person_key', '=', entry.person_key)
    .where('status', '=', 'confirmed')
    .execute();
  await db
    .updateTable('release_entries')
    .set({ status: 'confirmed', confirmed_at: now })
    .where('id', '=', entry.id)
    .where('status', '=', 'pending')
    .execute();
}

export async function withdrawEntry(db: Kysely<DB>, id: string): Promise<void> {
  await db
    .updateTable('release_entries')
    .set({ status: 'withdrawn' })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'confirmed'])
    .execute();
}

/** Whether the person has a booked appointment of the procedure still to come. */
export async function hasActiveAppointment(
  db: Kysely<DB>,
  personKey: string,
  procedure: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('appointments')
    .select('id')
    .where('person_key', '=', personKey)
    .where('procedure_code', '=', procedure)
    .where('status', 'in', ['booked', 'checked_in'])
    .where('ends_at', '>', now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many entries count, and how many distinct documents they belong to (the two must be equal). */
export async function countConfirmedEntries(
  db: Kysely<DB>,
  releaseId: string,
): Promise<{ entries: number; documents: number }> {
  const row = await db
    .selectFrom('release_entries')
    .select([
      sql<number>`count(*)::int`.as('entries'),
      sql<number>`count(DISTINCT person_key)::int`.as('documents'),
    ])
    .where('release_id', '=', releaseId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return row;
}

/** The confirmed entries in draw order (after the draw), with their preferences. */
export function selectDrawnEntries(db: Kysely<DB>, releaseId: string) {
  return db
    .selectFrom('release_entries')
    .select(['id', 'draw_position'])
    .where('release_id', '=', releaseId)
    .where('draw_position', 'is not', null)
    .orderBy('draw_position')
    .execute();
}

/** An entry with what its e-mails say of the release. */
export function selectEntryForMail(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('release_entries as e')
    .innerJoin('releases as r', 'r.id', 'e.release_id')
    .innerJoin('offices as o', 'o.code', 'r.office_code')
    .innerJoin('procedures as p', 'p.code', 'r.procedure_code')
    .select([
      'e.id',
      'e.status',
      'e.email',
      'e.locale',
      'e.draw_position',
      'r.id as release_id',
      'r.date_from',
      'r.date_to',
      'r.closes_at',
      'r.drawn_at',
      'r.channel',
      'o.name as office_name',
      'p.name_es as procedure_name_es',
      'p.name_en as procedure_name_en',
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
}
