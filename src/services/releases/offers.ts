import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { AppError, notFound } from '../../domain/errors.js';
import {
  claimDrawOfferHold,
  deleteHoldKeepingPlace,
  rebindClaimedHold,
} from '../../repositories/holds/draw-offers.js';
import { type OfferRow, selectOffer, setOfferStatus } from '../../repositories/releases/release-offers.js';
import { alertSettings } from '../alerts/settings.js';
import { releasePlace } from '../place-release.js';
import { offerFreedPlace } from './refill.js';
import { offerIdOfToken, type ReleaseSettings } from './release-settings.js';

export type PlaceRules = Pick<
  Config,
  'alertClaimMinutes' | 'minLeadMinutes' | 'holdSeconds' | 'releaseDelaySeconds'
>;

type Ctx = { db: Kysely<DB>; now: Date; settings: ReleaseSettings; rules: PlaceRules };

async function offerOfToken(db: Kysely<DB>, settings: ReleaseSettings, token: string, lock = false) {
  const id = offerIdOfToken(settings, token);
  const offer = id ? await selectOffer(db, id, { lock }) : undefined;
  if (!offer) throw notFound('releases.error.link');
  return offer;
}

/** The offer as its e-mail link shows it. */
export function offerByToken(ctx: Pick<Ctx, 'db' | 'settings'>, token: string): Promise<OfferRow> {
  return offerOfToken(ctx.db, ctx.settings, token);
}

/**
 * The entry takes the place offered: its hold becomes a citizen hold of this client's session, kept at
 * least HOLD_SECONDS, that only the entry's document can confirm (the usual data and confirmation step
 * follows). Claiming again returns the same hold; an offer that passed on answers HOLD_EXPIRED.
 */
export async function claimReleaseOffer(
  ctx: Ctx,
  token: string,
  sessionKey: string,
): Promise<{ holdId: string; expiresAt: Date }> {
  return transaction(ctx.db, async (trx) => {
    const offer = await offerOfToken(trx, ctx.settings, token, true);
    if (offer.status !== 'offered' && offer.status !== 'claimed')
      throw new AppError('HOLD_EXPIRED', 'releases.offer.gone');
    if (offer.status === 'claimed') {
      const again = await rebindClaimedHold(trx, { holdId: offer.hold_id, sessionKey, now: ctx.now });
      if (!again) throw new AppError('HOLD_EXPIRED', 'releases.offer.gone');
      return { holdId: again.id, expiresAt: again.expires_at };
    }
    const until = new Date(
      Math.max(ctx.now.getTime() + ctx.settings.holdSeconds * 1000, offer.expires_at.getTime()),
    );
    const hold = await claimDrawOfferHold(trx, {
      holdId: offer.hold_id,
      personKey: offer.person_key,
      sessionKey,
      until,
      now: ctx.now,
    });
    if (!hold) throw new AppError('HOLD_EXPIRED', 'releases.offer.gone');
    await setOfferStatus(trx, offer.id, { from: ['offered'], to: 'claimed', now: ctx.now });
    return { holdId: hold.id, expiresAt: hold.expires_at };
  });
}

/** The entry does not want the place: it passes on to the next entry at once. */
export async function declineReleaseOffer(ctx: Ctx, token: string): Promise<void> {
  await transaction(ctx.db, async (trx) => {
    const offer = await offerOfToken(trx, ctx.settings, token, true);
    if (offer.status !== 'offered' && offer.status !== 'claimed')
      throw new AppError('CONFLICT', 'releases.offer.decided');
    await passOn(trx, offer, 'declined', ctx);
  });
}

/** Declines an offer of an entry that withdraws, inside the caller's transaction. */
export async function declineOfferInTransaction(
  trx: Kysely<DB>,
  offerId: number,
  now: Date,
  settings: ReleaseSettings,
  rules: PlaceRules,
): Promise<void> {
  const offer = await selectOffer(trx, offerId, { lock: true });
  if (offer && (offer.status === 'offered' || offer.status === 'claimed'))
    await passOn(trx, offer, 'declined', { db: trx, now, settings, rules });
}

/**
 * When an offer's claim window ends (its job): an offer nobody claimed, or claimed and never confirmed,
 * expires and its place passes on. Nothing happens to an offer decided meanwhile.
 */
export async function expireReleaseOffer(
  trx: Kysely<DB>,
  offerId: number,
  ctx: Omit<Ctx, 'db'>,
): Promise<void> {
  const offer = await selectOffer(trx, offerId, { lock: true });
  if (!offer || (offer.status !== 'offered' && offer.status !== 'claimed')) return;
  if (offer.expires_at.getTime() > ctx.now.getTime()) return;
  await passOn(trx, offer, 'expired', { ...ctx, db: trx });
}

/** Ends an offer and sends its place on: the release's next entry, else alerts, else public search. */
async function passOn(
  trx: Kysely<DB>,
  offer: OfferRow,
  status: 'declined' | 'expired',
  ctx: Ctx,
): Promise<void> {
  await setOfferStatus(trx, offer.id, { from: ['offered', 'claimed'], to: status, now: ctx.now });
  const place = await deleteHoldKeepingPlace(trx, offer.hold_id);
  if (!place) return;
  if ((await offerFreedPlace(trx, place, ctx.now, ctx.settings, 'passed_on')) !== 'none') return;
  await releasePlace(trx, place, {
    now: ctx.now,
    releaseDelaySeconds: ctx.rules.releaseDelaySeconds,
    alerts: alertSettings(ctx.rules),
    draw: undefined,
  });
}
