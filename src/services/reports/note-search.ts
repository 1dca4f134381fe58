import { civilDateOf } from '../../domain/civil-time.js';
import type { ResolvedPlace } from '../booking-scope.js';
import type { ServiceContext } from '../context.js';
import { recordSearch } from './activity.js';

type Found = { date: string } | { startsAt: Date };

/**
 * Counts an availability search for the reports and hands its result back untouched. Days come in
 * date order and slots in time order, so the first item is the first date found with room.
 */
export function noteSearch<T extends Found>(
  ctx: ServiceContext,
  kind: 'days' | 'slots' | 'first',
  place: ResolvedPlace,
  firstDateAsked: string | null,
  result: T[],
): T[] {
  const first = result[0];
  const firstDateFound = first ? ('date' in first ? first.date : civilDateOf(first.startsAt)) : null;
  recordSearch(ctx.db, {
    at: ctx.now,
    kind,
    procedure: place.procedure,
    channel: place.channel,
    officeCode: place.officeCode,
    cityCode: place.cityCodes?.[0],
    firstDateAsked: firstDateAsked ?? civilDateOf(ctx.now),
    firstDateFound,
  });
  return result;
}
