import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { civilDateOf } from '../../domain/civil-time.js';

/** A subscription nobody confirmed within this time ends. */
export const PENDING_DAYS = 7;
/** Ended, fulfilled and unsubscribed subscriptions (with their e-mail address) are deleted after this. */
export const KEEP_CLOSED_DAYS = 30;

/**
 * Ends subscriptions whose date range is over or that were never confirmed, deletes expired link
 * tokens, and deletes closed subscriptions after KEEP_CLOSED_DAYS (their address is personal data).
 */
export async function endFinishedSubscriptions(
  db: Kysely<DB>,
  now: Date,
): Promise<{ ended: number; deleted: number }> {
  const today = civilDateOf(now);
  const pendingSince = new Date(now.getTime() - PENDING_DAYS * 86_400_000);
  const ended = await db
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
  await db.deleteFrom('alert_tokens').where('expires_at', '<', now).execute();
  const closedBefore = new Date(now.getTime() - KEEP_CLOSED_DAYS * 86_400_000);
  const deleted = await db
    .deleteFrom('alert_subscriptions')
    .where('status', 'in', ['ended', 'fulfilled', 'unsubscribed'])
    .where('closed_at', '<', closedBefore)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('alert_offers as o')
            .select('o.id')
            .whereRef('o.subscription_id', '=', 'alert_subscriptions.id')
            .where('o.status', '=', 'offered'),
        ),
      ),
    )
    .returning('id')
    .execute();
  return { ended: ended.length, deleted: deleted.length };
}
