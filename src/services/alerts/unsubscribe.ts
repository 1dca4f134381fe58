import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { selectLiveOffersOf } from '../../repositories/alerts/offers.js';
import { closeSubscription } from '../../repositories/alerts/subscriptions.js';
import { type SubscriptionByLink, subscriptionByToken } from './confirm-subscription.js';
import type { AlertSettings } from './settings.js';
import { withdrawOffer } from './withdraw-offer.js';

export type UnsubscribeOutcome = 'unsubscribed' | 'already-closed';

/**
 * The unsubscribe link of any alert e-mail: the subscription ends at once, and a place held for it goes
 * on to the next subscriber.
 */
export async function unsubscribe(
  db: Kysely<DB>,
  token: string,
  now: Date,
  settings: AlertSettings,
): Promise<{ outcome: UnsubscribeOutcome; subscription: SubscriptionByLink }> {
  return db.transaction().execute(async (trx) => {
    const subscription = await subscriptionByToken(trx, token, 'unsubscribe', now, { lock: true });
    if (subscription.status !== 'pending' && subscription.status !== 'active') {
      return { outcome: 'already-closed', subscription };
    }
    await closeSubscription(trx, subscription.id, 'unsubscribed', now);
    const live = await selectLiveOffersOf(trx, subscription.id);
    for (const offer of live) {
      await withdrawOffer(trx, { id: offer.id, slotId: offer.slot_id, holdId: offer.hold_id }, now, settings);
    }
    return { outcome: 'unsubscribed', subscription: { ...subscription, status: 'unsubscribed' } };
  });
}
