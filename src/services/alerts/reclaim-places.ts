import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { lockSlotsWithExpiredHolds, reclaimExpiredHoldsOf } from '../../repositories/holds-housekeeping.js';
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
  const slotIds = await lockSlotsWithExpiredHolds(trx, now, {
    ...(slotId === undefined ? {} : { slotId }),
    ...(limit === undefined ? {} : { limit }),
  });
  const { holdIds, perSlot } = await reclaimExpiredHoldsOf(trx, slotIds, now);
  if (holdIds.length > 0) {
    await trx
      .updateTable('alert_offers')
      .set({ status: 'expired', decided_at: now })
      .where('hold_id', 'in', holdIds)
      .where('status', '=', 'offered')
      .execute();
  }
  const offers: number[] = [];
  for (const [freedSlot, freed] of [...perSlot].sort(([a], [b]) => a - b)) {
    for (let i = 0; i < freed; i++) {
      const offerId = await offerPlace(trx, freedSlot, now, settings, { counted: false });
      if (offerId === undefined) break;
      offers.push(offerId);
    }
  }
  return { reclaimed: holdIds.length, offers };
}
