import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Locale } from '../../i18n/index.js';
import { selectOffer } from '../../repositories/alerts/offers.js';
import { selectSubscription } from '../../repositories/alerts/subscriptions.js';
import { insertToken } from '../../repositories/alerts/tokens.js';
import { describeSubscription, type SubscriptionSummary } from './describe.js';
import { PENDING_DAYS } from './end-finished-subscriptions.js';
import { type OfferView, toOfferView } from './offer-view.js';
import { newToken } from './tokens.js';

/**
 * What an alert e-mail says and links to. Each message gets links of its own (only their hashes are
 * stored), so it is loaded in the delivery's transaction, right before it is composed.
 */
interface Settings {
  publicUrl: string;
  now: Date;
}

/** A fresh unsubscribe link for one message; older messages' links keep working. */
async function unsubscribeLink(db: Kysely<DB>, subscriptionId: number, { publicUrl, now }: Settings) {
  const { token, hash } = newToken();
  await insertToken(db, { hash, subscriptionId, purpose: 'unsubscribe', now });
  return `${publicUrl}/alertas/baja/${token}`;
}

export interface AlertConfirmation {
  email: string;
  locale: Locale;
  summary: SubscriptionSummary;
  confirmUrl: string;
  unsubscribeUrl: string;
}

/** The first e-mail of a subscription, with the link that confirms it; null once it is not pending. */
export async function alertConfirmation(
  db: Kysely<DB>,
  subscriptionId: number,
  settings: Settings,
): Promise<AlertConfirmation | null> {
  const row = await selectSubscription(db, subscriptionId);
  if (row?.status !== 'pending') return null;
  const locale: Locale = row.locale === 'en' ? 'en' : 'es';
  const confirm = newToken();
  await insertToken(db, {
    hash: confirm.hash,
    subscriptionId,
    purpose: 'confirm',
    now: settings.now,
    expiresAt: new Date(settings.now.getTime() + PENDING_DAYS * 86_400_000),
  });
  return {
    email: row.email,
    locale,
    summary: describeSubscription(row, locale),
    confirmUrl: `${settings.publicUrl}/alertas/confirmar/${confirm.token}`,
    unsubscribeUrl: await unsubscribeLink(db, subscriptionId, settings),
  };
}

export interface AlertOffer {
  email: string;
  offer: OfferView;
  claimUrl: string;
  unsubscribeUrl: string;
}

/** The offer of a held place with its claim link; null once the offer is no longer open. */
export async function alertOffer(
  db: Kysely<DB>,
  offerId: number,
  settings: Settings,
): Promise<AlertOffer | null> {
  const row = await selectOffer(db, offerId);
  if (row?.subscription_status !== 'active') return null;
  const offer = toOfferView(row, settings.now);
  if (offer.state !== 'open') return null;
  const claim = newToken();
  await insertToken(db, {
    hash: claim.hash,
    subscriptionId: row.subscription_id,
    purpose: 'claim',
    offerId,
    now: settings.now,
    // the link still shows the outcome for a day after the window closes
    expiresAt: new Date(row.expires_at.getTime() + 86_400_000),
  });
  return {
    email: row.email,
    offer,
    claimUrl: `${settings.publicUrl}/alertas/oferta/${claim.token}`,
    unsubscribeUrl: await unsubscribeLink(db, row.subscription_id, settings),
  };
}
