import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Channel } from '../../domain/channels.js';
import { type ReleaseStatus, releaseStatus } from '../../domain/release.js';
import { countConfirmedEntries, selectDrawnEntries } from '../../repositories/releases/entries.js';
import { countOffers } from '../../repositories/releases/release-offers.js';
import {
  countReleasePlaces,
  type ReleaseRow,
  selectReleaseDays,
  selectReleases,
} from '../../repositories/releases/releases.js';
import { releaseById } from './apply.js';

/** A release as the public page and `GET /api/v1/releases/{id}` show it (DESIGN.md §7). */
export interface ReleaseView {
  id: string;
  procedure: string;
  channel: Channel;
  officeCode: string;
  officeName: string;
  from: string;
  to: string;
  /** Before the draw, the free places it holds now; after, the places the draw had to give. */
  places: number;
  opensAt: Date;
  closesAt: Date;
  status: ReleaseStatus;
  seedHash: string;
  /** Hex of the 32 seed bytes, once drawn. */
  seed: string | null;
  /** Confirmed entries, once the window has closed. */
  entries: number | null;
  /** Entry ids in draw order, once drawn (the full list only when asked for). */
  order: string[] | null;
  /** Offers taken so far (claimed or booked). */
  claimed: number;
  /** The days its places are on, for the application form. */
  days: string[];
}

const RECENT_MS = 30 * 86_400_000;

function summary(release: ReleaseRow, now: Date) {
  const status = releaseStatus(
    { opensAt: release.opens_at, closesAt: release.closes_at, drawnAt: release.drawn_at },
    now,
  );
  return {
    id: release.id,
    procedure: release.procedure_code,
    channel: release.channel as Channel,
    officeCode: release.office_code,
    officeName: release.office_name,
    from: release.date_from,
    to: release.date_to,
    opensAt: release.opens_at,
    closesAt: release.closes_at,
    status,
    seedHash: release.seed_hash,
    seed: status === 'drawn' ? Buffer.from(release.seed).toString('hex') : null,
  };
}

export async function viewRelease(
  db: Kysely<DB>,
  id: string,
  now: Date,
  { withOrder = true } = {},
): Promise<ReleaseView> {
  const release = await releaseById(db, id);
  const base = summary(release, now);
  const drawn = base.status === 'drawn';
  const [places, entries, offers, order, days] = await Promise.all([
    drawn ? Promise.resolve(release.drawn_places ?? 0) : countReleasePlaces(db, release.id),
    base.status === 'closed' || drawn ? countConfirmedEntries(db, release.id) : Promise.resolve(null),
    countOffers(db, release.id),
    drawn && withOrder ? selectDrawnEntries(db, release.id) : Promise.resolve(null),
    selectReleaseDays(db, release.id),
  ]);
  return {
    ...base,
    places,
    entries: drawn ? (release.drawn_entries ?? 0) : (entries?.entries ?? null),
    order: order ? order.map((e) => e.id) : null,
    claimed: offers
      .filter((o) => o.status === 'claimed' || o.status === 'booked')
      .reduce((n, o) => n + o.n, 0),
    days,
  };
}

export type ReleaseSummary = ReturnType<typeof summary>;

/** Releases not drawn yet, and those drawn in the last 30 days, that match the filters. */
export async function listReleases(
  db: Kysely<DB>,
  filter: { procedure?: string; channel?: string; officeCode?: string; cityCode?: string },
  now: Date,
) {
  const rows = await selectReleases(db, { ...filter, drawnSince: new Date(now.getTime() - RECENT_MS) });
  return rows.map((r) => summary(r, now));
}
