import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type ReleaseFigures, selectReleaseFigures } from '../../repositories/releases/report.js';

/**
 * How a release went, for the back office (its page and the "Sorteos" section of the reports): places,
 * confirmed entries and entries per document (1.00 while one entry per document holds), offers claimed,
 * booked, passed on and refilled after cancellations, and how long after the close every place had been
 * claimed.
 */
export interface ReleaseReport {
  places: number;
  entries: number;
  /** Confirmed entries per distinct document, two decimals; null without entries. */
  perDocument: string | null;
  offers: number;
  /** Offers taken (claimed or booked). */
  claimed: number;
  booked: number;
  /** Offers declined or left to expire: their places went to the next entry. */
  passedOn: number;
  /** Offers of places freed later (cancellations) to the next entries of the list. */
  refilled: number;
  /** From the close to the claim that covered the last place of the draw; null: not yet. */
  allClaimedAfterMs: number | null;
}

function reportOf(f: ReleaseFigures, closesAt: Date): ReleaseReport {
  return {
    places: f.places,
    entries: f.entries,
    perDocument: f.people > 0 ? (f.entries / f.people).toFixed(2) : null,
    offers: f.offers,
    claimed: f.claimed,
    booked: f.booked,
    passedOn: f.passed_on,
    refilled: f.refilled,
    allClaimedAfterMs: f.all_claimed_at ? Math.max(0, f.all_claimed_at.getTime() - closesAt.getTime()) : null,
  };
}

/** The report of each release given (the caller has checked the viewer may see them), by id. */
export async function releaseReports(
  db: Kysely<DB>,
  releases: readonly { id: string; closes_at: Date }[],
): Promise<Map<string, ReleaseReport>> {
  const figures = new Map(
    (
      await selectReleaseFigures(
        db,
        releases.map((r) => r.id),
      )
    ).map((f) => [f.release_id, f]),
  );
  const reports = new Map<string, ReleaseReport>();
  for (const r of releases) {
    const f = figures.get(r.id);
    if (f) reports.set(r.id, reportOf(f, r.closes_at));
  }
  return reports;
}
