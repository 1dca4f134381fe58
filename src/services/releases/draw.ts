import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { minutesOfDay } from '../../domain/civil-time.js';
import { drawOrder } from '../../domain/draw.js';
import { assignPlaces, type EntryPreferences, type FreePlaces, offerDeadline } from '../../domain/release.js';
import { ALERTS_MATCH } from '../../jobs/definitions/alerts-match.js';
import { MAIL_RELEASE_OFFER } from '../../jobs/definitions/mail-release-offer.js';
import { MAIL_RELEASE_RESULT } from '../../jobs/definitions/mail-release-result.js';
import { RELEASES_OFFER_EXPIRED } from '../../jobs/definitions/releases-offer-expired.js';
import { insertDrawOfferHolds } from '../../repositories/holds/draw-offers.js';
import { enqueue, enqueueMany } from '../../repositories/jobs.js';
import {
  type LockedPlaces,
  lockFreePlaces,
  lockReleaseToDraw,
  markDrawn,
  selectConfirmedEntries,
  setDrawPositions,
} from '../../repositories/releases/draw.js';
import { insertOffers } from '../../repositories/releases/release-offers.js';
import { detachSlots } from '../../repositories/releases/releases.js';
import type { ReleaseSettings } from './release-settings.js';

export interface DrawResult {
  entries: number;
  places: number;
  offers: number;
  waiting: number;
}

/**
 * The draw of a release whose window has closed, in one transaction: the confirmed entries are put in
 * the order the published seed gives (DESIGN.md §7), and in that order each gets the soonest free place
 * that fits its preferences, held for it as an offer with a claim window, and an e-mail; the others are
 * told their number on the waiting list. Slots no waiting entry wants leave the release for alert
 * subscribers and public search. Runs once whatever happens: the release row is locked, and a release
 * already drawn is left alone (undefined).
 */
export async function drawRelease(
  db: Kysely<DB>,
  releaseId: string,
  now: Date,
  settings: ReleaseSettings,
): Promise<DrawResult | undefined> {
  return transaction(db, async (trx) => {
    const release = await lockReleaseToDraw(trx, releaseId, now);
    if (!release) return undefined;
    const entries = await selectConfirmedEntries(trx, releaseId);
    const order = drawOrder(
      Buffer.from(release.seed),
      entries.map((e) => e.id),
    );
    await setDrawPositions(trx, order);
    const preferences = new Map<string, EntryPreferences>(
      entries.map((e) => [e.id, { dates: e.dates, partOfDay: e.partOfDay }]),
    );
    const locked = await lockFreePlaces(trx, releaseId);
    const offerable = new Map<number, { place: FreePlaces; until: Date }>();
    for (const p of locked) {
      const until = offerDeadline(p.startsAt, now, settings.claimHours);
      if (until) offerable.set(p.slotId, { place: freePlacesOf(p), until });
    }
    const { assigned, waiting } = assignPlaces(
      order.map((id) => ({ id, preferences: preferences.get(id) ?? { dates: null, partOfDay: null } })),
      [...offerable.values()].map((o) => o.place),
    );
    const offers = assigned.map((a) => ({
      entryId: a.entryId,
      slotId: a.slotId,
      holdId: randomUUID(),
      reason: 'draw' as const,
      expiresAt: offerable.get(a.slotId)?.until ?? now,
    }));
    const held = await insertDrawOfferHolds(trx, {
      holds: offers.map((o) => ({ id: o.holdId, slotId: o.slotId, expiresAt: o.expiresAt })),
      procedure: release.procedure_code,
      channel: release.channel,
      now,
    });
    if (held !== offers.length) throw new Error(`release ${releaseId}: a slot lost room during its draw`);
    const made = await insertOffers(trx, releaseId, offers, now);
    const unwanted = slotsNobodyWaitsFor(locked, offerable, assigned);
    await detachSlots(trx, unwanted);
    const places = locked.reduce((n, p) => n + p.free, 0);
    await markDrawn(trx, releaseId, { now, places, entries: entries.length });
    const expiryOf = new Map(offers.map((o) => [o.entryId, o.expiresAt]));
    await enqueueMany(
      trx,
      MAIL_RELEASE_OFFER,
      made.map((o) => ({
        payload: { offerId: o.id },
        runAt: now,
        dedupeKey: `${MAIL_RELEASE_OFFER.name}:${o.id}`,
      })),
    );
    await enqueueMany(
      trx,
      RELEASES_OFFER_EXPIRED,
      made.map((o) => ({
        payload: { offerId: o.id },
        runAt: expiryOf.get(o.entryId) ?? now,
        dedupeKey: `${RELEASES_OFFER_EXPIRED.name}:${o.id}`,
      })),
    );
    await enqueueMany(
      trx,
      MAIL_RELEASE_RESULT,
      waiting.map((entryId) => ({
        payload: { entryId },
        runAt: now,
        dedupeKey: `${MAIL_RELEASE_RESULT.name}:${entryId}`,
      })),
    );
    if (unwanted.length > 0) await enqueue(trx, ALERTS_MATCH, {}, { runAt: now });
    return { entries: entries.length, places, offers: made.length, waiting: waiting.length };
  });
}

function freePlacesOf(p: LockedPlaces): FreePlaces {
  return {
    slotId: p.slotId,
    date: p.date,
    startMinute: minutesOfDay(p.startsAt),
    startsAtMs: p.startsAt.getTime(),
    free: p.free,
  };
}

/**
 * The slots whose places are left over after the draw, or that start too soon to be offered at all:
 * keeping them in the release would keep them from everybody. A place left over is one no waiting entry
 * would take (an entry waits only when no free place fits it), so the places go on to alert subscribers
 * and public search.
 */
function slotsNobodyWaitsFor(
  locked: readonly LockedPlaces[],
  offerable: ReadonlyMap<number, unknown>,
  assigned: readonly { slotId: number }[],
): number[] {
  const given = new Map<number, number>();
  for (const a of assigned) given.set(a.slotId, (given.get(a.slotId) ?? 0) + 1);
  return locked
    .filter((p) => !offerable.has(p.slotId) || p.free - (given.get(p.slotId) ?? 0) > 0)
    .map((p) => p.slotId);
}
