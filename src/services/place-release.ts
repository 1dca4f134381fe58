import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { holdPlaceUntil } from '../repositories/holds/kept.js';
import { givePlaceBack } from '../repositories/places.js';
import { offerPlace } from './alerts/offer-place.js';
import type { AlertSettings } from './alerts/settings.js';
import { offerFreedPlace } from './releases/refill.js';
import type { ReleaseSettings } from './releases/release-settings.js';

interface FreedPlace {
  slotId: number;
  /** Whether the place was one of the slot's deadline-day reserved places. */
  reserved: boolean;
}

/**
 * A place freed by a cancellation or a reschedule, inside the caller's transaction. A place of a release
 * goes first to the release's list, in draw order (DESIGN.md §7), never straight back to search. Then it
 * goes to the people waiting for an alert: the first matching subscriber gets it held for the claim window (and it
 * passes on from there). With nobody waiting it goes back to public search at once when the release
 * delay is 0; otherwise it is kept out of search for a random time up to the delay, so that nobody can
 * hand a place to a chosen person by cancelling and rebooking at an agreed moment. A deadline-day
 * reserved place skips the alerts: it stays for the people it is reserved for; so does a place freed by
 * a closure.
 */
export async function releasePlace(
  trx: Kysely<DB>,
  place: FreedPlace,
  {
    now,
    releaseDelaySeconds,
    alerts,
    draw,
  }: {
    now: Date;
    releaseDelaySeconds: number;
    /** Absent when the place must not go to alert subscribers (a closure: the day is not attended). */
    alerts: AlertSettings | undefined;
    /** Absent when the place must not go to a release's list (a closure, or the list was just tried). */
    draw: ReleaseSettings | undefined;
  },
): Promise<void> {
  if (draw && (await offerFreedPlace(trx, place, now, draw, 'refill')) !== 'none') return;
  if (
    alerts &&
    !place.reserved &&
    (await offerPlace(trx, place.slotId, now, alerts, { counted: true })) !== undefined
  ) {
    return;
  }
  // Between 1 second and the configured bound: unpredictable, yet never "at once" when a delay is set.
  const delay = releaseDelaySeconds > 0 ? randomInt(1, releaseDelaySeconds + 1) : 0;
  if (delay === 0) {
    await givePlaceBack(trx, place.slotId, place.reserved);
    return;
  }
  await holdPlaceUntil(trx, place.slotId, place.reserved, new Date(now.getTime() + delay * 1000));
}
