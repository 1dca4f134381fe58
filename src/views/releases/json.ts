import { toBogotaIso } from '../../domain/civil-time.js';
import type { ReleaseView } from '../../services/releases/view.js';

/** A release as `GET /api/v1/releases/{id}` and `agenda release create --json` show it (DESIGN.md §7). */
export function releaseJson(
  r: ReleaseView | Omit<ReleaseView, 'places' | 'entries' | 'order' | 'claimed' | 'days'>,
) {
  return {
    id: r.id,
    procedure: r.procedure,
    channel: r.channel,
    officeCode: r.officeCode,
    from: r.from,
    to: r.to,
    ...('places' in r ? { places: r.places } : {}),
    opensAt: toBogotaIso(r.opensAt),
    closesAt: toBogotaIso(r.closesAt),
    status: r.status,
    seedHash: r.seedHash,
    seed: r.seed,
    ...('entries' in r ? { entries: r.entries, order: r.order, claimed: r.claimed } : {}),
  };
}
