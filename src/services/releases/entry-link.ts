import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { AppError, notFound } from '../../domain/errors.js';
import { type ReleaseStatus, releaseStatus } from '../../domain/release.js';
import {
  confirmPendingEntry,
  type EntryRow,
  selectEntry,
  withdrawEntry,
} from '../../repositories/releases/entries.js';
import { selectOfferOfEntry } from '../../repositories/releases/release-offers.js';
import { type ReleaseRow, selectRelease } from '../../repositories/releases/releases.js';
import { declineOfferInTransaction, type PlaceRules } from './offers.js';
import { entryIdOfToken, type ReleaseSettings } from './release-settings.js';

export interface EntryView {
  entryId: string;
  status: EntryRow['status'];
  releaseId: string;
  releaseStatus: ReleaseStatus;
  procedure: string;
  officeName: string;
  from: string;
  to: string;
  closesAt: Date;
  dates: string[] | null;
  partOfDay: EntryRow['part_of_day'];
  /** The entry's number in the draw order, once drawn. */
  position: number | null;
  /** The place offered to the entry, if the draw or a later freed place gave it one. */
  offer: { id: number; status: string; startsAt: Date; expiresAt: Date } | null;
}

type Ctx = { db: Kysely<DB>; now: Date; settings: ReleaseSettings; rules: PlaceRules };

async function entryOfToken(db: Kysely<DB>, settings: ReleaseSettings, token: string, lock = false) {
  const id = entryIdOfToken(settings, token);
  const entry = id ? await selectEntry(db, id, { lock }) : undefined;
  const release = entry ? await selectRelease(db, entry.release_id) : undefined;
  if (!entry || !release) throw notFound('releases.error.link');
  return { entry, release };
}

function statusOf(release: ReleaseRow, now: Date): ReleaseStatus {
  return releaseStatus(
    { opensAt: release.opens_at, closesAt: release.closes_at, drawnAt: release.drawn_at },
    now,
  );
}

async function viewOf(db: Kysely<DB>, entry: EntryRow, release: ReleaseRow, now: Date): Promise<EntryView> {
  const offer = await selectOfferOfEntry(db, entry.id);
  return {
    entryId: entry.id,
    status: entry.status,
    releaseId: release.id,
    releaseStatus: statusOf(release, now),
    procedure: release.procedure_code,
    officeName: release.office_name,
    from: release.date_from,
    to: release.date_to,
    closesAt: release.closes_at,
    dates: entry.dates,
    partOfDay: entry.part_of_day,
    position: entry.draw_position,
    offer: offer
      ? { id: offer.id, status: offer.status, startsAt: offer.starts_at, expiresAt: offer.expires_at }
      : null,
  };
}

/** What the entry link shows: the entry, the release's state and, after the draw, the entry's place. */
export async function entryByToken(ctx: Ctx, token: string): Promise<EntryView> {
  const { entry, release } = await entryOfToken(ctx.db, ctx.settings, token);
  return viewOf(ctx.db, entry, release, ctx.now);
}

/**
 * Following the e-mail link makes the entry count (while the window is open). Confirming again changes
 * nothing; a pending entry replaces the person's earlier one of the release only now.
 */
export async function confirmEntryByToken(ctx: Ctx, token: string): Promise<EntryView> {
  return transaction(ctx.db, async (trx) => {
    const { entry, release } = await entryOfToken(trx, ctx.settings, token, true);
    if (entry.status === 'pending') {
      if (statusOf(release, ctx.now) !== 'open')
        throw new AppError('RELEASE_CLOSED', 'releases.error.closed');
      await confirmPendingEntry(trx, entry, ctx.now);
    } else if (entry.status !== 'confirmed') {
      throw new AppError('CONFLICT', 'releases.entry.inactive');
    }
    const fresh = await selectEntry(trx, entry.id);
    return viewOf(trx, fresh ?? entry, release, ctx.now);
  });
}

/**
 * The person leaves the release: before the draw the entry no longer takes part; after it, a place
 * offered to the entry passes on to the next entry at once.
 */
export async function withdrawEntryByToken(ctx: Ctx, token: string): Promise<EntryView> {
  return transaction(ctx.db, async (trx) => {
    const { entry, release } = await entryOfToken(trx, ctx.settings, token, true);
    if (entry.status === 'pending' || entry.status === 'confirmed') {
      const offer = await selectOfferOfEntry(trx, entry.id);
      if (offer && (offer.status === 'offered' || offer.status === 'claimed'))
        await declineOfferInTransaction(trx, offer.id, ctx.now, ctx.settings, ctx.rules);
      await withdrawEntry(trx, entry.id);
    }
    const fresh = await selectEntry(trx, entry.id);
    return viewOf(trx, fresh ?? entry, release, ctx.now);
  });
}
