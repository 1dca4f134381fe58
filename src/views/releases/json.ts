import { toBogotaIso } from '../../domain/civil-time.js';
import type { ReleaseSummary, ReleaseView } from '../../services/releases/view.js';

/** A release as `GET /api/v1/releases` lists it. */
export function releaseSummaryJson(r: ReleaseSummary) {
  return {
    id: r.id,
    procedure: r.procedure,
    channel: r.channel,
    officeCode: r.officeCode,
    from: r.from,
    to: r.to,
    opensAt: toBogotaIso(r.opensAt),
    closesAt: toBogotaIso(r.closesAt),
    status: r.status,
    seedHash: r.seedHash,
    seed: r.seed,
  };
}

/** A release as `GET /api/v1/releases/{id}` and `agenda release create --json` show it (DESIGN.md §7). */
export function releaseJson(r: ReleaseView) {
  return {
    ...releaseSummaryJson(r),
    places: r.places,
    entries: r.entries,
    order: r.order,
    claimed: r.claimed,
  };
}
