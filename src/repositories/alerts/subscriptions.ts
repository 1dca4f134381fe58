import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** SQL of alert subscriptions: who waits for a place, for what, where and when. */

/** The subscription whose id is in the column holds no live offer. */
function holdsNoLiveOffer(idColumn: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`NOT EXISTS (
    SELECT 1 FROM alert_offers o WHERE o.subscription_id = ${sql.ref(idColumn)} AND o.status = 'offered')`;
}

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
    .where(holdsNoLiveOffer('s.id'))
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

/** The person confirmed by the link: a pending subscription joins the queue. */
export async function activateSubscription(db: Kysely<DB>, id: number, now: Date): Promise<void> {
  await db
    .updateTable('alert_subscriptions')
    .set({ status: 'active', confirmed_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Ends a subscription: its range is over (`ended`) or its person left (`unsubscribed`). */
export async function closeSubscription(
  db: Kysely<DB>,
  id: number,
  status: 'ended' | 'unsubscribed',
  now: Date,
): Promise<void> {
  await db.updateTable('alert_subscriptions').set({ status, closed_at: now }).where('id', '=', id).execute();
}

/** The subscriber claimed an offer: an active subscription has done its work. */
export async function fulfilSubscription(db: Kysely<DB>, id: number, now: Date): Promise<void> {
  await db
    .updateTable('alert_subscriptions')
    .set({ status: 'fulfilled', closed_at: now })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .execute();
}

/** Ends the open subscriptions whose range is over and the pending ones older than `pendingSince`. */
export async function endOverdueSubscriptions(
  db: Kysely<DB>,
  { today, pendingSince, now }: { today: string; pendingSince: Date; now: Date },
): Promise<number> {
  const rows = await db
    .updateTable('alert_subscriptions')
    .set({ status: 'ended', closed_at: now })
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['pending', 'active']), eb('date_to', '<', today)]),
        eb.and([eb('status', '=', 'pending'), eb('created_at', '<', pendingSince)]),
      ]),
    )
    .returning('id')
    .execute();
  return rows.length;
}

/** Deletes subscriptions closed before `closedBefore`, except those whose offer is still live. */
export async function deleteClosedSubscriptions(db: Kysely<DB>, closedBefore: Date): Promise<number> {
  const rows = await db
    .deleteFrom('alert_subscriptions')
    .where('status', 'in', ['ended', 'fulfilled', 'unsubscribed'])
    .where('closed_at', '<', closedBefore)
    .where(holdsNoLiveOffer('alert_subscriptions.id'))
    .returning('id')
    .execute();
  return rows.length;
}
