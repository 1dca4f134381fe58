import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ReleaseOfferReason, ReleaseOfferStatus } from '../../db/schema-releases.js';
import type { PartOfDay } from '../../domain/release.js';

/** Places of a release offered to its entries (migration 0310); their holds are in `holds/draw-offers.ts`. */

export interface NewOffer {
  entryId: string;
  slotId: number;
  holdId: string;
  reason: ReleaseOfferReason;
  expiresAt: Date;
}

/** Records the offers; an entry already offered a place makes the statement fail (one offer each, ever). */
export async function insertOffers(
  db: Kysely<DB>,
  releaseId: string,
  offers: readonly NewOffer[],
  now: Date,
): Promise<{ id: number; entryId: string }[]> {
  if (offers.length === 0) return [];
  const result = await sql<{ id: number; entry_id: string }>`
    INSERT INTO release_offers (entry_id, release_id, slot_id, hold_id, reason, offered_at, expires_at)
    SELECT o.entry_id, ${releaseId}::uuid, o.slot_id, o.hold_id, o.reason, ${now}::timestamptz, o.expires_at
    FROM unnest(${offers.map((o) => o.entryId)}::uuid[], ${offers.map((o) => o.slotId)}::bigint[],
      ${offers.map((o) => o.holdId)}::uuid[], ${offers.map((o) => o.reason)}::text[],
      ${offers.map((o) => o.expiresAt.toISOString())}::timestamptz[])
      AS o(entry_id, slot_id, hold_id, reason, expires_at)
    RETURNING id, entry_id`.execute(db);
  return result.rows.map((r) => ({ id: r.id, entryId: r.entry_id }));
}

export function selectOffer(db: Kysely<DB>, id: number, { lock = false } = {}) {
  return db
    .selectFrom('release_offers as ro')
    .innerJoin('release_entries as e', 'e.id', 'ro.entry_id')
    .innerJoin('releases as r', 'r.id', 'ro.release_id')
    .innerJoin('slots as s', 's.id', 'ro.slot_id')
    .innerJoin('offices as o', 'o.code', 's.office_code')
    .innerJoin('procedures as p', 'p.code', 'r.procedure_code')
    .selectAll('ro')
    .select([
      'e.person_key',
      'e.email',
      'e.locale',
      'e.draw_position',
      'r.procedure_code',
      'r.channel',
      's.starts_at',
      's.ends_at',
      's.office_code',
      'o.name as office_name',
      'o.address as office_address',
      'p.name_es as procedure_name_es',
      'p.name_en as procedure_name_en',
    ])
    .where('ro.id', '=', id)
    .$if(lock, (q) => q.forUpdate('ro'))
    .executeTakeFirst();
}

export type OfferRow = NonNullable<Awaited<ReturnType<typeof selectOffer>>>;

/** The release offer a hold belongs to, if any. */
export function selectOfferOfHold(db: Kysely<DB>, holdId: string) {
  return db
    .selectFrom('release_offers')
    .select(['id', 'status', 'release_id', 'slot_id'])
    .where('hold_id', '=', holdId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function setOfferStatus(
  db: Kysely<DB>,
  id: number,
  s: { from: readonly ReleaseOfferStatus[]; to: ReleaseOfferStatus; now: Date; appointmentId?: number },
): Promise<boolean> {
  const rows = await db
    .updateTable('release_offers')
    .set({ status: s.to, decided_at: s.now, ...(s.appointmentId ? { appointment_id: s.appointmentId } : {}) })
    .where('id', '=', id)
    .where('status', 'in', [...s.from])
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** The claimed offer whose hold was just confirmed: booked, with its appointment. */
export async function markOfferBooked(
  db: Kysely<DB>,
  b: { holdId: string; appointmentId: number; now: Date },
): Promise<void> {
  await db
    .updateTable('release_offers')
    .set({ status: 'booked', decided_at: b.now, appointment_id: b.appointmentId })
    .where('hold_id', '=', b.holdId)
    .where('status', '=', 'claimed')
    .execute();
}

/**
 * The first entry in draw order that has not been offered a place yet and would take this one (its
 * days and part of the day), locked so that two places freed at once never go to the same entry.
 */
export function selectNextWaitingEntry(
  db: Kysely<DB>,
  releaseId: string,
  place: { date: string; partOfDay: PartOfDay },
) {
  return db
    .selectFrom('release_entries as e')
    .select(['e.id', 'e.draw_position'])
    .where('e.release_id', '=', releaseId)
    .where('e.status', '=', 'confirmed')
    .where('e.draw_position', 'is not', null)
    .where((eb) => eb.or([eb('e.dates', 'is', null), sql<boolean>`${place.date}::date = ANY(e.dates)`]))
    .where((eb) => eb.or([eb('e.part_of_day', 'is', null), eb('e.part_of_day', '=', place.partOfDay)]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('release_offers as ro').select('ro.id').whereRef('ro.entry_id', '=', 'e.id'))),
    )
    .orderBy('e.draw_position')
    .limit(1)
    .forUpdate('e')
    .executeTakeFirst();
}

/** Offers of the release by status, and how many were given later to fill a freed place. */
export async function countOffers(db: Kysely<DB>, releaseId: string) {
  const rows = await db
    .selectFrom('release_offers')
    .select(['status', 'reason', sql<number>`count(*)::int`.as('n')])
    .where('release_id', '=', releaseId)
    .groupBy(['status', 'reason'])
    .execute();
  return rows;
}

/** The offer an entry got (one at most), with the place's start. */
export function selectOfferOfEntry(db: Kysely<DB>, entryId: string) {
  return db
    .selectFrom('release_offers as ro')
    .innerJoin('slots as s', 's.id', 'ro.slot_id')
    .select(['ro.id', 'ro.status', 'ro.expires_at', 's.starts_at'])
    .where('ro.entry_id', '=', entryId)
    .executeTakeFirst();
}
