import { type Kysely, sql } from 'kysely';
import type { AlertTokenPurpose, DB } from '../db/schema.js';

export interface NewSubscription {
  procedureCode: string;
  channel: string;
  officeCode: string | null;
  cityCode: string | null;
  dateFrom: string;
  dateTo: string;
  email: string;
  locale: 'es' | 'en';
  now: Date;
}

export async function insertSubscription(db: Kysely<DB>, s: NewSubscription): Promise<number> {
  const row = await db
    .insertInto('alert_subscriptions')
    .values({
      procedure_code: s.procedureCode,
      channel: s.channel,
      office_code: s.officeCode,
      city_code: s.cityCode,
      date_from: s.dateFrom,
      date_to: s.dateTo,
      email: s.email,
      locale: s.locale,
      created_at: s.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function countOpenSubscriptionsOf(db: Kysely<DB>, email: string): Promise<number> {
  const row = await db
    .selectFrom('alert_subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('status', 'in', ['pending', 'active'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether an office (or any office of a city, or any office) attends the procedure through the channel. */
export async function someLineServes(
  db: Kysely<DB>,
  {
    procedureCode,
    channel,
    officeCode,
    cityCode,
  }: { procedureCode: string; channel: string; officeCode: string | null; cityCode: string | null },
): Promise<boolean> {
  const row = await db
    .selectFrom('capacity_lines as l')
    .innerJoin('capacity_line_procedures as lp', 'lp.capacity_line_id', 'l.id')
    .innerJoin('offices as o', 'o.code', 'l.office_code')
    .select('l.id')
    .where('l.active', '=', true)
    .where('o.active', '=', true)
    .where('l.channel', '=', channel)
    .where('lp.procedure_code', '=', procedureCode)
    .$if(officeCode !== null, (q) => q.where('l.office_code', '=', officeCode as string))
    .$if(cityCode !== null, (q) => q.where('o.city_code', '=', cityCode as string))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertToken(
  db: Kysely<DB>,
  t: {
    hash: string;
    subscriptionId: number;
    purpose: AlertTokenPurpose;
    offerId?: number;
    now: Date;
    expiresAt?: Date;
  },
): Promise<void> {
  await db
    .insertInto('alert_tokens')
    .values({
      token_hash: t.hash,
      subscription_id: t.subscriptionId,
      purpose: t.purpose,
      offer_id: t.offerId ?? null,
      created_at: t.now,
      expires_at: t.expiresAt ?? null,
    })
    .execute();
}

export function selectToken(db: Kysely<DB>, hash: string, purpose: AlertTokenPurpose) {
  return db
    .selectFrom('alert_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** A subscription with the names its messages and pages show. */
export function selectSubscription(db: Kysely<DB>, id: number, { lock = false } = {}) {
  return db
    .selectFrom('alert_subscriptions as s')
    .innerJoin('procedures as p', 'p.code', 's.procedure_code')
    .innerJoin('channels as c', 'c.code', 's.channel')
    .leftJoin('offices as o', 'o.code', 's.office_code')
    .leftJoin('cities as ci', 'ci.code', 's.city_code')
    .select([
      's.id',
      's.procedure_code',
      's.channel',
      's.office_code',
      's.city_code',
      's.date_from',
      's.date_to',
      's.email',
      's.locale',
      's.status',
      's.created_at',
      's.confirmed_at',
      'p.name_es as procedure_name_es',
      'p.name_en as procedure_name_en',
      'c.name_es as channel_name_es',
      'c.name_en as channel_name_en',
      'o.name as office_name',
      'ci.name as city_name',
    ])
    .where('s.id', '=', id)
    .$if(lock, (q) => q.forUpdate('s'))
    .executeTakeFirst();
}

export type SubscriptionRow = NonNullable<Awaited<ReturnType<typeof selectSubscription>>>;

export interface SlotForOffer {
  id: number;
  capacityLineId: number;
  officeCode: string;
  cityCode: string;
  channel: string;
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

/** Takes one public place of a slot (the same rule as a public hold), or nothing when it is full. */
export async function takePlace(db: Kysely<DB>, slotId: number): Promise<SlotForOffer | undefined> {
  const result = await sql<{
    id: number;
    capacity_line_id: number;
    office_code: string;
    city_code: string;
    channel: string;
    local_date: string;
    starts_at: Date;
    ends_at: Date;
  }>`
    UPDATE slots s SET taken = taken + 1
      FROM offices o
     WHERE s.id = ${slotId} AND o.code = s.office_code AND s.status = 'open'
       AND s.taken - s.reserved_taken < s.capacity - s.reserved
    RETURNING s.id, s.capacity_line_id, s.office_code, o.city_code, s.channel, s.local_date, s.starts_at, s.ends_at`.execute(
    db,
  );
  const r = result.rows[0];
  return r ? toSlot(r) : undefined;
}

export async function givePlaceBack(db: Kysely<DB>, slotId: number, count = 1): Promise<void> {
  await sql`UPDATE slots SET taken = taken - ${count} WHERE id = ${slotId}`.execute(db);
}

/** Locks an open slot whose place the caller already counts (a cancelled appointment's). */
export async function lockSlot(db: Kysely<DB>, slotId: number): Promise<SlotForOffer | undefined> {
  const result = await sql<{
    id: number;
    capacity_line_id: number;
    office_code: string;
    city_code: string;
    channel: string;
    local_date: string;
    starts_at: Date;
    ends_at: Date;
  }>`
    SELECT s.id, s.capacity_line_id, s.office_code, o.city_code, s.channel, s.local_date, s.starts_at, s.ends_at
      FROM slots s JOIN offices o ON o.code = s.office_code
     WHERE s.id = ${slotId} AND s.status = 'open'
       FOR UPDATE OF s`.execute(db);
  const r = result.rows[0];
  return r ? toSlot(r) : undefined;
}

function toSlot(r: {
  id: number;
  capacity_line_id: number;
  office_code: string;
  city_code: string;
  channel: string;
  local_date: string;
  starts_at: Date;
  ends_at: Date;
}): SlotForOffer {
  return {
    id: r.id,
    capacityLineId: r.capacity_line_id,
    officeCode: r.office_code,
    cityCode: r.city_code,
    channel: r.channel,
    localDate: r.local_date,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
  };
}

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

/** Active subscriptions holding no live offer, in subscription order, from `afterId` on. */
export async function selectWaitingSubscriptions(db: Kysely<DB>, afterId: number, limit: number) {
  return db
    .selectFrom('alert_subscriptions as s')
    .select([
      's.id',
      's.procedure_code',
      's.channel',
      's.office_code',
      's.city_code',
      's.date_from',
      's.date_to',
    ])
    .where('s.status', '=', 'active')
    .where('s.id', '>', afterId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('alert_offers as o')
            .select('o.id')
            .whereRef('o.subscription_id', '=', 's.id')
            .where('o.status', '=', 'offered'),
        ),
      ),
    )
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

/** The earliest slot with a free public place that a subscription matches and was not offered yet. */
export async function selectSlotFor(
  db: Kysely<DB>,
  sub: {
    id: number;
    procedure_code: string;
    channel: string;
    office_code: string | null;
    city_code: string | null;
    date_from: string;
    date_to: string;
  },
  { fromDate, startsAfter }: { fromDate: string; startsAfter: Date },
): Promise<number | undefined> {
  const result = await sql<{ id: number }>`
    SELECT s.id
      FROM slots s JOIN offices o ON o.code = s.office_code
     WHERE s.status = 'open' AND s.channel = ${sub.channel}
       AND s.local_date BETWEEN greatest(${sub.date_from}::date, ${fromDate}::date) AND ${sub.date_to}::date
       AND s.starts_at > ${startsAfter}
       AND s.taken - s.reserved_taken < s.capacity - s.reserved
       AND (${sub.office_code}::text IS NULL OR s.office_code = ${sub.office_code})
       AND (${sub.city_code}::text IS NULL OR o.city_code = ${sub.city_code})
       AND EXISTS (SELECT 1 FROM capacity_line_procedures lp
                    WHERE lp.capacity_line_id = s.capacity_line_id AND lp.procedure_code = ${sub.procedure_code})
       AND NOT EXISTS (SELECT 1 FROM alert_offers ao WHERE ao.subscription_id = ${sub.id} AND ao.slot_id = s.id)
     ORDER BY s.starts_at, s.id
     LIMIT 1`.execute(db);
  return result.rows[0]?.id;
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
