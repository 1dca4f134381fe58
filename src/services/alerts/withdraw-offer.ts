import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { givePlaceBack } from '../../repositories/alerts/offer-slots.js';
import { decideOffer } from '../../repositories/alerts/offers.js';
import { deleteOfferHold } from '../../repositories/holds/kept.js';
import { lockSlots } from '../../repositories/places.js';
import { offerPlace } from './offer-place.js';
import type { AlertSettings } from './settings.js';

/**
 * Ends a live offer before its time (the subscriber left): its place goes straight to the next waiting
 * subscriber, or back to public search when there is none.
 */
export async function withdrawOffer(
  trx: Kysely<DB>,
  offer: { id: number; slotId: number; holdId: string },
  now: Date,
  settings: AlertSettings,
): Promise<void> {
  await lockSlots(trx, [offer.slotId]);
  await decideOffer(trx, offer.id, 'withdrawn', now);
  if (!(await deleteOfferHold(trx, offer.holdId))) return;
  const next = await offerPlace(trx, offer.slotId, now, settings, { counted: true });
  if (next === undefined) await givePlaceBack(trx, offer.slotId);
}
