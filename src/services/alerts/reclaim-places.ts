import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { expireStaleOffers, selectOfferState } from '../../repositories/alerts/offers.js';
import { lockSlotsWithExpiredHolds, reclaimExpiredHoldsOf } from '../../repositories/holds/expired.js';
import { offerPlace } from './offer-place.js';
import type { AlertSettings } from './settings.js';

export interface ReclaimResult {
  /** Hold rows deleted (their places were given back). */
  reclaimed: number;
  /** Offers made with the places that came free. */
  offers: number[];
}

/**
 * Deletes holds past their expiry and gives their places back, in one transaction (the caller's), then
 * offers each freed place to the next waiting subscriber before public search gets it. An expired alert
 * offer is marked so; its place goes on to the next subscriber the same way. Safe beside the booking
 * engine's own inline clean-up: each hold row is deleted by one of them only.
 */
export async function reclaimExpiredHolds(
  trx: Kysely<DB>,
  now: Date,
  settings: AlertSettings,
  { slotId, limit }: { slotId?: number; limit?: number } = {},
): Promise<ReclaimResult> {
  // Offers whose window ended. The booking engine may have deleted such an offer's hold already (its
  // inline clean-up when a slot looks full): then the place went back to the public pool, and is tried
  // once more for the next subscriber below.
  const stale = await expireStaleOffers(trx, now, slotId);
  const slotIds = await lockSlotsWithExpiredHolds(trx, now, {
    ...(slotId === undefined ? {} : { slotId }),
    ...(limit === undefined ? {} : { limit }),
  });
  const { holdIds, perSlot } = await reclaimExpiredHoldsOf(trx, slotIds, now);
  const attempts = new Map(perSlot);
  for (const s of stale) attempts.set(s, (attempts.get(s) ?? 0) + 1);
  const offers: number[] = [];
  for (const [freedSlot, freed] of [...attempts].sort(([a], [b]) => a - b)) {
    for (let i = 0; i < freed; i++) {
      const offerId = await offerPlace(trx, freedSlot, now, settings, { counted: false });
      if (offerId === undefined) break;
      offers.push(offerId);
    }
  }
  return { reclaimed: holdIds.length, offers };
}

/** When an offer's claim window ends: if still unclaimed, its place passes on as any expired hold's. */
export async function passOnExpiredOffer(
  trx: Kysely<DB>,
  offerId: number,
  now: Date,
  settings: AlertSettings,
): Promise<void> {
  const offer = await selectOfferState(trx, offerId);
  if (offer?.status !== 'offered') return;
  await reclaimExpiredHolds(trx, now, settings, { slotId: offer.slot_id });
}
