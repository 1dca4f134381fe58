import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { SlotForOffer } from './offer-slots.js';

/** SQL of alert offers: a place held for one subscriber until they claim it or the window ends. */

export interface Candidate {
  id: number;
  procedureCode: string;
  channel: string;
}

/**
 * Confirmed subscribers a place of this slot can go to, in subscription order: same channel, a
 * procedure the slot's line attends, the slot's day in their range, their office or city (or any),
 * not offered this slot before, and not holding another live offer.
 */
export async function selectCandidates(db: Kysely<DB>, slot: SlotForOffer, limit = 20): Promise<Candidate[]> {
  const result = await sql<{ id: number; procedure_code: string; channel: string }>`
    SELECT s.id, s.procedure_code, s.channel
      FROM alert_subscriptions s
     WHERE s.status = 'active'
       AND s.channel = ${slot.channel}
       AND ${slot.localDate}::date BETWEEN s.date_from AND s.date_to
       AND (s.office_code = ${slot.officeCode} OR s.city_code = ${slot.cityCode}
            OR (s.office_code IS NULL AND s.city_code IS NULL))
       AND EXISTS (SELECT 1 FROM capacity_line_procedures lp
                    WHERE lp.capacity_line_id = ${slot.capacityLineId} AND lp.procedure_code = s.procedure_code)
       AND NOT EXISTS (SELECT 1 FROM alert_offers o
                        WHERE o.subscription_id = s.id AND (o.slot_id = ${slot.id} OR o.status = 'offered'))
     ORDER BY s.id
     LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => ({ id: r.id, procedureCode: r.procedure_code, channel: r.channel }));
}

/** Records an offer unless the subscriber already has a live one or had this slot: then undefined. */
export async function insertOffer(
  db: Kysely<DB>,
  o: { subscriptionId: number; slotId: number; holdId: string; now: Date; expiresAt: Date },
): Promise<number | undefined> {
  const row = await db
    .insertInto('alert_offers')
    .values({
      subscription_id: o.subscriptionId,
      slot_id: o.slotId,
      hold_id: o.holdId,
      offered_at: o.now,
      expires_at: o.expiresAt,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** An offer with what its message and page show. */
export function selectOffer(db: Kysely<DB>, id: number, { lock = false } = {}) {
  return db
    .selectFrom('alert_offers as ao')
    .innerJoin('slots as sl', 'sl.id', 'ao.slot_id')
    .innerJoin('offices as o', 'o.code', 'sl.office_code')
    .innerJoin('cities as ci', 'ci.code', 'o.city_code')
    .innerJoin('alert_subscriptions as s', 's.id', 'ao.subscription_id')
    .innerJoin('procedures as p', 'p.code', 's.procedure_code')
    .innerJoin('channels as c', 'c.code', 's.channel')
    .select([
      'ao.id',
      'ao.status',
      'ao.hold_id',
      'ao.slot_id',
      'ao.offered_at',
      'ao.expires_at',
      'ao.subscription_id',
      's.email',
      's.locale',
      's.status as subscription_status',
      's.procedure_code',
      's.channel',
      'sl.starts_at',
      'sl.ends_at',
      'sl.status as slot_status',
      'o.name as office_name',
      'o.address as office_address',
      'ci.name as city_name',
      'p.name_es as procedure_name_es',
      'p.name_en as procedure_name_en',
      'c.name_es as channel_name_es',
      'c.name_en as channel_name_en',
      'c.remote as channel_remote',
    ])
    .where('ao.id', '=', id)
    .$if(lock, (q) => q.forUpdate('ao'))
    .executeTakeFirst();
}

export type OfferRow = NonNullable<Awaited<ReturnType<typeof selectOffer>>>;

export function selectOfferState(db: Kysely<DB>, id: number) {
  return db.selectFrom('alert_offers').select(['slot_id', 'status']).where('id', '=', id).executeTakeFirst();
}

/** Closes a live offer: the subscriber took it (`claimed`) or left (`withdrawn`). */
export async function decideOffer(
  db: Kysely<DB>,
  id: number,
  status: 'claimed' | 'withdrawn',
  now: Date,
): Promise<void> {
  await db
    .updateTable('alert_offers')
    .set({ status, decided_at: now })
    .where('id', '=', id)
    .where('status', '=', 'offered')
    .execute();
}

/** The live offers of a subscription (at most one, as `insertOffer` keeps it). */
export function selectLiveOffersOf(db: Kysely<DB>, subscriptionId: number) {
  return db
    .selectFrom('alert_offers')
    .select(['id', 'slot_id', 'hold_id'])
    .where('subscription_id', '=', subscriptionId)
    .where('status', '=', 'offered')
    .execute();
}

/**
 * Marks offers whose claim window ended as expired (so their subscribers can be offered other places)
 * and returns, one entry per offer, the slots of those whose hold was already gone.
 */
export async function expireStaleOffers(trx: Kysely<DB>, now: Date, slotId?: number): Promise<number[]> {
  const rows = await trx
    .updateTable('alert_offers as o')
    .set({ status: 'expired', decided_at: now })
    .where('o.status', '=', 'offered')
    .where('o.expires_at', '<=', now)
    .$if(slotId !== undefined, (q) => q.where('o.slot_id', '=', slotId as number))
    .returning((eb) => [
      'o.slot_id',
      eb
        .not(eb.exists(eb.selectFrom('holds as h').select('h.id').whereRef('h.id', '=', 'o.hold_id')))
        .as('hold_gone'),
    ])
    .execute();
  return rows.filter((r) => r.hold_gone).map((r) => r.slot_id);
}
