import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { givePlaceBack } from '../../repositories/alerts.js';
import { deleteOfferHold } from '../../repositories/holds/kept.js';
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
  await sql`SELECT id FROM slots WHERE id = ${offer.slotId} FOR UPDATE`.execute(trx);
  await trx
    .updateTable('alert_offers')
    .set({ status: 'withdrawn', decided_at: now })
    .where('id', '=', offer.id)
    .where('status', '=', 'offered')
    .execute();
  if (!(await deleteOfferHold(trx, offer.holdId))) return;
  const next = await offerPlace(trx, offer.slotId, now, settings, { counted: true });
  if (next === undefined) await givePlaceBack(trx, offer.slotId);
}
