import { cacheOf } from '../availability-cache.js';
import type { ServiceContext } from '../context.js';
import { listReleases, type ReleaseSummary } from './view.js';

/**
 * The releases not drawn yet that a search's place and days fall in: their places are given by a draw,
 * so a search that finds no free time there says so ("por sorteo", with the window) instead of leaving
 * people to look again and again. Read per procedure, channel and place, and kept beside the calendar
 * for as long (CALENDAR_CACHE_MS): at a rush every search asks.
 */
export async function releasesInSearch(
  ctx: ServiceContext,
  q: { procedure: string; channel: string; office?: string | undefined; city?: string | undefined },
  days: { from: string; to: string },
): Promise<ReleaseSummary[]> {
  const read = () =>
    listReleases(
      ctx.db,
      {
        procedure: q.procedure,
        channel: q.channel,
        officeCode: q.office || undefined,
        cityCode: q.office ? undefined : q.city || undefined,
      },
      ctx.now,
    );
  const cache = cacheOf<ReleaseSummary[]>(ctx.db, 'releases-in-search', ctx.config.calendarCacheMs ?? 0);
  const key = JSON.stringify([q.procedure, q.channel, q.office ?? '', q.city ?? '']);
  const all = cache ? await cache.get(key, read) : await read();
  return all.filter(
    (r) =>
      (r.status === 'upcoming' || r.status === 'open' || r.status === 'closed') &&
      r.from <= days.to &&
      days.from <= r.to,
  );
}
