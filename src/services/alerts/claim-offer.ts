import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Locale } from '../../i18n/index.js';
import { decideOffer, selectOffer } from '../../repositories/alerts/offers.js';
import { fulfilSubscription } from '../../repositories/alerts/subscriptions.js';
import { selectToken } from '../../repositories/alerts/tokens.js';
import { selectLiveHold, turnOfferHoldIntoCitizenHold } from '../../repositories/holds/kept.js';
import { type OfferView, toOfferView } from './offer-view.js';
import type { AlertSettings } from './settings.js';
import { hashToken, isTokenShaped } from './tokens.js';

/**
 * Where a person continues after claiming: the citizen site's data step for a hold, which then confirms
 * like any booking (the booking engine's confirm).
 */
export function continueBookingPath(holdId: string): string {
  return `/reservar/datos?reserva=${encodeURIComponent(holdId)}`;
}

async function offerIdByToken(db: Kysely<DB>, token: string): Promise<number> {
  if (!isTokenShaped(token)) throw notFound('alerts.error.link');
  const found = await selectToken(db, hashToken(token), 'claim');
  if (!found?.offer_id) throw notFound('alerts.error.link');
  return found.offer_id;
}

/**
 * The offer behind a claim link, without changing anything (the page a GET shows), with the hold it
 * became when this person already took it and the hold is still alive.
 */
export async function offerByToken(
  db: Kysely<DB>,
  token: string,
  now: Date,
  locale?: Locale,
): Promise<{ offer: OfferView; hold?: { id: string; expiresAt: Date } }> {
  const row = await selectOffer(db, await offerIdByToken(db, token));
  if (!row) throw notFound('alerts.error.link');
  const offer = locale ? toOfferView(row, now, locale) : toOfferView(row, now);
  if (row.status !== 'claimed') return { offer };
  const hold = await selectLiveHold(db, row.hold_id, now);
  return hold ? { offer, hold: { id: hold.id, expiresAt: hold.expires_at } } : { offer };
}

export interface ClaimedOffer {
  offer: OfferView;
  holdId: string;
  holdExpiresAt: Date;
}

/**
 * The subscriber takes the offered place: its hold becomes an ordinary citizen hold for the procedure
 * and channel they asked for, kept at least HOLD_SECONDS for them to give their data and confirm like
 * anyone else. The subscription has done its work and closes. Claiming twice returns the same hold.
 */
export async function claimOffer(
  db: Kysely<DB>,
  token: string,
  now: Date,
  settings: AlertSettings,
): Promise<ClaimedOffer> {
  return db.transaction().execute(async (trx) => {
    const row = await selectOffer(trx, await offerIdByToken(trx, token), { lock: true });
    if (!row) throw notFound('alerts.error.link');
    const offer = toOfferView(row, now);
    if (row.status === 'claimed') {
      const hold = await selectLiveHold(trx, row.hold_id, now);
      if (hold) return { offer, holdId: hold.id, holdExpiresAt: hold.expires_at };
      throw new AppError('HOLD_EXPIRED', 'alerts.error.claimExpired');
    }
    if (offer.state !== 'open') throw new AppError('HOLD_EXPIRED', 'alerts.error.offerGone');
    const keepUntil = new Date(
      Math.max(now.getTime() + settings.holdSeconds * 1000, row.expires_at.getTime()),
    );
    const hold = await turnOfferHoldIntoCitizenHold(trx, row.hold_id, keepUntil, now);
    if (!hold) throw new AppError('HOLD_EXPIRED', 'alerts.error.offerGone');
    await decideOffer(trx, row.id, 'claimed', now);
    await fulfilSubscription(trx, row.subscription_id, now);
    return { offer: { ...offer, state: 'claimed' }, holdId: hold.id, holdExpiresAt: hold.expires_at };
  });
}
