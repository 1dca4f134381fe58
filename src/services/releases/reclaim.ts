import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { deleteExpiredHold, selectExpiredReleaseHolds } from '../../repositories/holds/expired.js';
import { lockReleaseSlot } from '../../repositories/releases/releases.js';
import type { AlertSettings } from '../alerts/settings.js';
import { releasePlace } from '../place-release.js';
import type { ReleaseSettings } from './release-settings.js';

/**
 * Expired holds on a release's slots (a person's hold from before the release took the slot, a place
 * kept back after a cancellation, a claimed place nobody confirmed): each place goes to the release's
 * list as any freed place of the release, and only when nobody there wants it to alerts and search.
 * Inside the caller's transaction; each slot is locked before its hold is deleted, the booking engine's
 * order, so this never deadlocks with it.
 */
export async function reclaimExpiredReleaseHolds(
  trx: Kysely<DB>,
  now: Date,
  settings: { draw: ReleaseSettings; alerts: AlertSettings; releaseDelaySeconds: number },
  limit = 200,
): Promise<number> {
  let reclaimed = 0;
  for (const hold of await selectExpiredReleaseHolds(trx, now, limit)) {
    await lockReleaseSlot(trx, hold.slot_id);
    const place = await deleteExpiredHold(trx, hold.id, now);
    if (!place) continue;
    reclaimed += 1;
    await releasePlace(trx, place, {
      now,
      releaseDelaySeconds: settings.releaseDelaySeconds,
      alerts: settings.alerts,
      draw: settings.draw,
    });
  }
  return reclaimed;
}
