import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { civilDateOf } from '../../domain/civil-time.js';
import { ALERTS_OFFER_EXPIRED } from '../../jobs/definitions/alerts-offer-expired.js';
import { MAIL_ALERT_OFFER } from '../../jobs/definitions/mail-alert-offer.js';
import {
  givePlaceBack,
  lockSlot,
  type SlotForOffer,
  selectSlotFor,
  takePlace,
} from '../../repositories/alerts/offer-slots.js';
import {
  type Candidate,
  expireStaleOffers,
  insertOffer,
  selectCandidates,
} from '../../repositories/alerts/offers.js';
import { selectWaitingSubscriptions } from '../../repositories/alerts/subscriptions.js';
import { insertOfferHold } from '../../repositories/holds/kept.js';
import { enqueue } from '../../repositories/jobs.js';
import type { AlertSettings } from './settings.js';

function claimDeadline(now: Date, settings: AlertSettings): Date {
  return new Date(now.getTime() + settings.claimMinutes * 60_000);
}

/** Too late to offer: after the claim window the place could no longer be booked. */
function tooLate(slot: SlotForOffer, now: Date, settings: AlertSettings): boolean {
  return slot.startsAt.getTime() <= claimDeadline(now, settings).getTime() + settings.minLeadMinutes * 60_000;
}

/**
 * Gives a place the caller has counted in `slots.taken` to one subscriber: the offer, its hold of kind
 * 'offer' (which keeps the place out of public search until the claim window ends), the e-mail and the
 * expiry job. Tries the candidates in order; returns the offer's id, or undefined when none would take it.
 */
async function offerTo(
  trx: Kysely<DB>,
  slot: SlotForOffer,
  candidates: readonly Candidate[],
  now: Date,
  settings: AlertSettings,
): Promise<number | undefined> {
  const expiresAt = claimDeadline(now, settings);
  for (const candidate of candidates) {
    const holdId = randomUUID();
    const offerId = await insertOffer(trx, {
      subscriptionId: candidate.id,
      slotId: slot.id,
      holdId,
      now,
      expiresAt,
    });
    if (offerId === undefined) continue;
    await insertOfferHold(trx, {
      id: holdId,
      slotId: slot.id,
      procedureCode: candidate.procedureCode,
      channel: candidate.channel,
      now,
      expiresAt,
    });
    await enqueue(trx, MAIL_ALERT_OFFER, { offerId }, { runAt: now });
    await enqueue(
      trx,
      ALERTS_OFFER_EXPIRED,
      { offerId },
      { runAt: expiresAt, dedupeKey: `${ALERTS_OFFER_EXPIRED.name}:${offerId}` },
    );
    return offerId;
  }
  return undefined;
}

export interface OfferPlaceOptions {
  /**
   * True when the caller already counts this place in `slots.taken` (the appointment being cancelled,
   * the hold being dropped) and hands it over: on an offer, the caller must not give it back; without
   * one, the caller decides what happens to it. False to take a free public place.
   */
  counted: boolean;
}

/**
 * Offers one place of a slot to the first waiting subscriber, inside the caller's transaction: a
 * cancellation, an expired hold, an unclaimed offer all come through here, so the place reaches
 * subscribers in order before public search sees it. Returns the offer's id, or undefined.
 */
export async function offerPlace(
  trx: Kysely<DB>,
  slotId: number,
  now: Date,
  settings: AlertSettings,
  { counted }: OfferPlaceOptions,
): Promise<number | undefined> {
  const slot = counted ? await lockSlot(trx, slotId) : await takePlace(trx, slotId);
  if (!slot) return undefined;
  await expireStaleOffers(trx, now);
  const offerId = tooLate(slot, now, settings)
    ? undefined
    : await offerTo(trx, slot, await selectCandidates(trx, slot), now, settings);
  if (offerId === undefined && !counted) await givePlaceBack(trx, slot.id);
  return offerId;
}

/**
 * For each confirmed subscription holding no live offer, in subscription order, the earliest free place
 * it matches: so agenda published by staff, or places nobody took, reach subscribers too.
 */
export async function matchWaitingSubscriptions(
  trx: Kysely<DB>,
  now: Date,
  settings: AlertSettings,
  { batch = 200 } = {},
): Promise<number[]> {
  await expireStaleOffers(trx, now);
  const offers: number[] = [];
  const startsAfter = new Date(claimDeadline(now, settings).getTime() + settings.minLeadMinutes * 60_000);
  const fromDate = civilDateOf(now);
  let afterId = 0;
  for (;;) {
    const waiting = await selectWaitingSubscriptions(trx, afterId, batch);
    for (const sub of waiting) {
      afterId = sub.id;
      const slotId = await selectSlotFor(trx, sub, { fromDate, startsAfter });
      if (slotId === undefined) continue;
      const slot = await takePlace(trx, slotId);
      if (!slot) continue;
      const offerId = await offerTo(
        trx,
        slot,
        [{ id: sub.id, procedureCode: sub.procedure_code, channel: sub.channel }],
        now,
        settings,
      );
      if (offerId === undefined) await givePlaceBack(trx, slot.id);
      else offers.push(offerId);
    }
    if (waiting.length < batch) return offers;
  }
}
