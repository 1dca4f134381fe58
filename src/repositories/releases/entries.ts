import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { PartOfDay } from '../../domain/release.js';

/** Entries of releases (migration 0310): one confirmed entry per document and release. */

export interface NewEntry {
  id: string;
  releaseId: string;
  procedure: string;
  personKey: string;
  email: string;
  locale: 'es' | 'en';
  dates: readonly string[] | null;
  partOfDay: PartOfDay | null;
  now: Date;
  /** The job that e-mails the entry's link: its payload is `{ entryId }`. */
  linkJob: string;
}

/**
 * Records an application in one statement, with no row that another applicant writes: only while the
 * release's window is open (by the app's clock), and not for a person with an appointment of the
 * procedure still to come. Asking again with the same document and e-mail before following the link
 * updates that pending entry. The job that e-mails the link is queued with it. `entryId` is undefined
 * when nothing was recorded; `open` and `booked` say why.
 */
export async function insertApplication(
  db: Kysely<DB>,
  e: NewEntry,
): Promise<{ entryId: string | undefined; open: boolean; booked: boolean }> {
  const result = await sql<{ entry_id: string | null; open: boolean; booked: boolean }>`
    WITH open AS (
      SELECT 1 FROM releases
      WHERE id = ${e.releaseId}::uuid AND drawn_at IS NULL
        AND opens_at <= ${e.now}::timestamptz AND closes_at > ${e.now}::timestamptz
    ), booked AS (
      SELECT 1 FROM appointments
      WHERE person_key = ${e.personKey} AND procedure_code = ${e.procedure}
        AND status IN ('booked', 'checked_in') AND ends_at > ${e.now}::timestamptz
      LIMIT 1
    ), entry AS (
      INSERT INTO release_entries (id, release_id, person_key, email, locale, dates, part_of_day, created_at)
      SELECT ${e.id}::uuid, ${e.releaseId}::uuid, ${e.personKey}, ${e.email}, ${e.locale},
        ${e.dates ? [...e.dates] : null}::date[], ${e.partOfDay}, ${e.now}::timestamptz
      WHERE EXISTS (SELECT 1 FROM open) AND NOT EXISTS (SELECT 1 FROM booked)
      ON CONFLICT (release_id, person_key, lower(email)) WHERE status = 'pending'
      DO UPDATE SET locale = excluded.locale, dates = excluded.dates, part_of_day = excluded.part_of_day,
        created_at = excluded.created_at
      RETURNING id
    ), job AS (
      INSERT INTO jobs (name, payload, run_at)
      SELECT ${e.linkJob}, jsonb_build_object('entryId', id), ${e.now}::timestamptz FROM entry
    )
    SELECT (SELECT id FROM entry) AS entry_id, EXISTS (SELECT 1 FROM open) AS open,
      EXISTS (SELECT 1 FROM booked) AS booked`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the application statement returned no row');
  return { entryId: row.entry_id ?? undefined, open: row.open, booked: row.booked };
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
