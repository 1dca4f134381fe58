import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { civilDateOf } from '../../domain/civil-time.js';
import { notFound } from '../../domain/errors.js';
import type { Locale } from '../../i18n/index.js';
import { ALERTS_MATCH } from '../../jobs/definitions/alerts-match.js';
import {
  activateSubscription,
  closeSubscription,
  type SubscriptionRow,
  selectSubscription,
} from '../../repositories/alerts/subscriptions.js';
import { selectToken } from '../../repositories/alerts/tokens.js';
import { enqueue } from '../../repositories/jobs.js';
import { describeSubscription, type SubscriptionSummary } from './describe.js';
import { hashToken, isTokenShaped } from './tokens.js';

export interface SubscriptionByLink {
  id: number;
  status: SubscriptionRow['status'];
  locale: Locale;
  summary: SubscriptionSummary;
}

/** The subscription a link's token points at, or NOT_FOUND for an unknown or expired link. */
export async function subscriptionByToken(
  db: Kysely<DB>,
  token: string,
  purpose: 'confirm' | 'unsubscribe',
  now: Date,
  { lock = false } = {},
): Promise<SubscriptionByLink> {
  if (!isTokenShaped(token)) throw notFound('alerts.error.link');
  const found = await selectToken(db, hashToken(token), purpose);
  if (!found || (found.expires_at && found.expires_at <= now)) throw notFound('alerts.error.link');
  const row = await selectSubscription(db, found.subscription_id, { lock });
  if (!row) throw notFound('alerts.error.link');
  const locale: Locale = row.locale === 'en' ? 'en' : 'es';
  return { id: row.id, status: row.status, locale, summary: describeSubscription(row, locale) };
}

export type ConfirmOutcome = 'confirmed' | 'already-active' | 'closed';

/**
 * The person followed the link of the first e-mail: the subscription becomes active and joins the queue
 * in the order it was made. Places already free are looked for at once.
 */
export async function confirmSubscription(
  db: Kysely<DB>,
  token: string,
  now: Date,
): Promise<{ outcome: ConfirmOutcome; subscription: SubscriptionByLink }> {
  return db.transaction().execute(async (trx) => {
    const subscription = await subscriptionByToken(trx, token, 'confirm', now, { lock: true });
    if (subscription.status === 'active') return { outcome: 'already-active', subscription };
    if (subscription.status !== 'pending') return { outcome: 'closed', subscription };
    const row = await selectSubscription(trx, subscription.id);
    if (row && row.date_to < civilDateOf(now)) {
      await closeSubscription(trx, subscription.id, 'ended', now);
      return { outcome: 'closed', subscription: { ...subscription, status: 'ended' } };
    }
    await activateSubscription(trx, subscription.id, now);
    await enqueue(trx, ALERTS_MATCH, {}, { runAt: now });
    return { outcome: 'confirmed', subscription: { ...subscription, status: 'active' } };
  });
}
