import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { listReleases, type ReleaseSummary } from '../releases/view.js';
import type { Choice } from './choice.js';
import type { Criteria } from './criteria.js';

/** At most this many notices on a page: a national search could match a release in every office. */
const MAX_NOTICES = 5;

/**
 * The releases, not drawn yet, of the procedure and channel the person chose (in the office or city
 * chosen, if any, and covering `date` when a day was chosen): their places are given by a draw, so the
 * journey points to the draw's page instead of leaving the person to look for free times.
 */
export async function releaseNotices(
  db: Kysely<DB>,
  choice: Choice,
  criteria: Criteria,
  now: Date,
  date?: string,
): Promise<ReleaseSummary[]> {
  const found = await listReleases(
    db,
    {
      procedure: choice.procedure.code,
      channel: choice.channel.code,
      officeCode: criteria.oficina || undefined,
      cityCode: criteria.oficina ? undefined : criteria.ciudad || undefined,
    },
    now,
  );
  return found
    .filter((r) => r.status === 'upcoming' || r.status === 'open')
    .filter((r) => !date || (r.from <= date && date <= r.to))
    .slice(0, MAX_NOTICES);
}
