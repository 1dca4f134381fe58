import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { minutesOfDay } from '../../domain/civil-time.js';
import { offerDeadline, partOfDayOf } from '../../domain/release.js';
import { MAIL_RELEASE_OFFER } from '../../jobs/definitions/mail-release-offer.js';
import { RELEASES_OFFER_EXPIRED } from '../../jobs/definitions/releases-offer-expired.js';
import { insertCountedOfferHold } from '../../repositories/holds/draw-offers.js';
import { enqueue } from '../../repositories/jobs.js';
import { givePlaceBack } from '../../repositories/places.js';
import { insertOffers, selectNextWaitingEntry } from '../../repositories/releases/release-offers.js';
import { detachSlots, lockReleaseSlot, selectRelease } from '../../repositories/releases/releases.js';
import type { ReleaseSettings } from './release-settings.js';

/**
 * What became of a place freed in a slot of a release: offered to the next entry that wants it, given
 * back to the slot for the draw still to come, or none of these (not a release's place, or nobody of its
 * list still waiting wants it: the slot then leaves the release and the caller sends the place on to
 * alert subscribers and public search as any freed place).
 */
export type RefillOutcome = 'offered' | 'returned' | 'none';

/**
 * A place of a slot freed inside the caller's transaction (a cancellation, an unclaimed or declined
 * offer, a claimed place never confirmed), still counted in `slots.taken`: in a release's slot it goes
 * to the release's list first, never straight back to public search (DESIGN.md §7).
 */
export async function offerFreedPlace(
  trx: Kysely<DB>,
  place: { slotId: number; reserved: boolean },
  now: Date,
  settings: ReleaseSettings,
  reason: 'passed_on' | 'refill',
): Promise<RefillOutcome> {
  if (place.reserved) return 'none';
  const slot = await lockReleaseSlot(trx, place.slotId);
  const release = slot?.release_id ? await selectRelease(trx, slot.release_id) : undefined;
  if (!slot || !release) return 'none';
  if (!release.drawn_at) {
    await givePlaceBack(trx, slot.id, false);
    return 'returned';
  }
  const expiresAt = offerDeadline(slot.starts_at, now, settings.claimHours);
  const entry = expiresAt
    ? await selectNextWaitingEntry(trx, release.id, {
        date: slot.local_date,
        partOfDay: partOfDayOf(minutesOfDay(slot.starts_at)),
      })
    : undefined;
  if (!expiresAt || !entry) {
    await detachSlots(trx, [slot.id]);
    return 'none';
  }
  const holdId = randomUUID();
  await insertCountedOfferHold(trx, {
    id: holdId,
    slotId: slot.id,
    procedure: release.procedure_code,
    channel: release.channel,
    expiresAt,
    now,
  });
  const [offer] = await insertOffers(
    trx,
    release.id,
    [{ entryId: entry.id, slotId: slot.id, holdId, reason, expiresAt }],
    now,
  );
  if (!offer) throw new Error('the offer statement returned no row');
  await enqueue(trx, MAIL_RELEASE_OFFER, { offerId: offer.id }, { runAt: now });
  await enqueue(
    trx,
    RELEASES_OFFER_EXPIRED,
    { offerId: offer.id },
    { runAt: expiresAt, dedupeKey: `${RELEASES_OFFER_EXPIRED.name}:${offer.id}` },
  );
  return 'offered';
}
