import { bookingWindow, clipRange } from '../domain/booking-window.js';
import { addDays } from '../domain/civil-time.js';
import { validationFailed } from '../domain/errors.js';
import * as repo from '../repositories/availability.js';
import { selectCityCodesOf } from '../repositories/search-scope.js';
import { cacheOf } from './availability-cache.js';
import { assertCivilDates, type PlaceQuery, type ResolvedPlace, resolvePlace } from './booking-scope.js';
import type { ServiceContext } from './context.js';
import { noteSearch } from './reports/note-search.js';

export const MAX_RANGE_DAYS = 62;

interface DayWithRoom {
  date: string;
  available: number;
}

/** The days with room for a procedure and channel, in an office, a city or (remote) the whole country. */
export async function findDays(
  ctx: ServiceContext,
  q: PlaceQuery & { from: string; to: string },
): Promise<DayWithRoom[]> {
  assertCivilDates({ from: q.from, to: q.to });
  if (q.to < q.from) throw validationFailed([{ field: 'to', key: 'booking.range.order' }]);
  if (addDays(q.from, MAX_RANGE_DAYS - 1) < q.to) {
    throw validationFailed([{ field: 'to', key: 'booking.range.tooLong', params: { days: MAX_RANGE_DAYS } }]);
  }
  const window = bookingWindow(ctx.now, ctx.config);
  const place = await placeOf(ctx, q);
  const compute = async () => {
    const range = clipRange(q.from, q.to, window);
    if (!range) return [];
    return repo.selectDaysWithRoom(ctx.db, { ...place, ...range, earliest: window.earliest, now: ctx.now });
  };
  // The calendar is the most asked question at a rush and costs a sum over thousands of slots: each
  // process answers it from memory for up to CALENDAR_CACHE_MS. Holds never rely on it: they take a
  // place with a conditional update, so a calendar a moment old can only make a hold fail, never oversell.
  // The NIT is part of the key: on its deadline day a NIT sees reserved places others must not.
  const cache = cacheOf<DayWithRoom[]>(ctx.db, 'calendar', ctx.config.calendarCacheMs ?? 0);
  const days = cache
    ? await cache.get(
        JSON.stringify([
          q.procedure,
          q.channel,
          q.office ?? '',
          q.city ?? '',
          q.nit ?? '',
          q.from,
          q.to,
          window.today,
        ]),
        compute,
      )
    : await compute();
  return noteSearch(ctx, 'days', place, q.from, days);
}

/**
 * The place a search is about, checked against the catalogue. The catalogue changes seldom: each process
 * keeps the answer for up to CALENDAR_CACHE_MS, so a search is one query for the slots themselves.
 */
function placeOf(ctx: ServiceContext, q: PlaceQuery): Promise<ResolvedPlace> {
  const cache = cacheOf<ResolvedPlace>(ctx.db, 'place', ctx.config.calendarCacheMs ?? 0);
  if (!cache) return resolvePlace(ctx.db, q);
  const key = JSON.stringify([q.procedure, q.channel, q.office ?? '', q.city ?? '', q.nit ?? '']);
  return cache.get(key, () => resolvePlace(ctx.db, q));
}

/**
 * The times of one day with places left. Each process may answer the same question from memory for up
 * to SLOTS_CACHE_MS, like the calendar and for the same reason: at a rush thousands ask for the same day
 * at once, and the query costs the database more than the whole request costs the app. A time shown a
 * moment ago may be gone by now, exactly as it may be by the time a person clicks it: the hold takes the
 * place with a conditional update and never reads this memory, so it can only fail, never oversell.
 */
export async function findSlots(
  ctx: ServiceContext,
  q: PlaceQuery & { date: string },
): Promise<repo.SlotWithRoom[]> {
  assertCivilDates({ date: q.date });
  const place = await placeOf(ctx, q);
  const window = bookingWindow(ctx.now, ctx.config);
  if (q.date < window.today || q.date > window.lastDate) return noteSearch(ctx, 'slots', place, q.date, []);
  const compute = () =>
    repo.selectSlotsWithRoom(ctx.db, { ...place, date: q.date, earliest: window.earliest, now: ctx.now });
  const cache = cacheOf<repo.SlotWithRoom[]>(ctx.db, 'slots', ctx.config.slotsCacheMs ?? 0);
  const slots = cache
    ? await cache.get(
        `${q.date} ${JSON.stringify([q.procedure, q.channel, q.office ?? '', q.city ?? '', q.nit ?? ''])}`,
        compute,
      )
    : await compute();
  return noteSearch(ctx, 'slots', place, q.date, slots);
}

/**
 * The days of the booking window that are tax deadlines of the NIT: the days on which a search with it
 * also shows the places reserved for it.
 */
export function deadlineDaysOf(ctx: ServiceContext, nit: string): Promise<string[]> {
  const window = bookingWindow(ctx.now, ctx.config);
  return repo.selectDeadlineDates(ctx.db, nit, window.today, window.lastDate);
}

/**
 * Makes this process ask the database again for the times of a day: a hold refused as full is proof
 * that what it remembers of that day is old, and the person is about to look at that day again.
 */
export function forgetTimesOf(ctx: ServiceContext, date: string): void {
  cacheOf(ctx.db, 'slots', ctx.config.slotsCacheMs ?? 0)?.forget((key) => key.startsWith(`${date} `));
}

/**
 * The first free time in each office near a city: the city's offices first, then the rest of its
 * department, then the whole country, widening only when nothing was found.
 */
export async function findFirstAvailable(
  ctx: ServiceContext,
  q: PlaceQuery & { limit?: number },
): Promise<{ scope: 'office' | 'city' | 'department' | 'country'; items: repo.SlotWithRoom[] }> {
  const place = await placeOf(ctx, q);
  const found = await firstAvailableNear(ctx, place, q.limit);
  return { scope: found.scope, items: noteSearch(ctx, 'first', place, null, found.items) };
}

async function firstAvailableNear(
  ctx: ServiceContext,
  place: ResolvedPlace,
  limit: number | undefined,
): Promise<{ scope: 'office' | 'city' | 'department' | 'country'; items: repo.SlotWithRoom[] }> {
  const window = bookingWindow(ctx.now, ctx.config);
  const base = {
    ...place,
    earliest: window.earliest,
    now: ctx.now,
    lastDate: window.lastDate,
    limit: limit ?? 5,
  };
  if (place.officeCode) return { scope: 'office', items: await repo.selectFirstPerOffice(ctx.db, base) };
  if (place.cityCodes) {
    const inCity = await repo.selectFirstPerOffice(ctx.db, base);
    if (inCity.length > 0) return { scope: 'city', items: inCity };
    const department = (place.cityCodes[0] ?? '').slice(0, 2);
    const cityCodes = await selectCityCodesOf(ctx.db, department);
    const inDepartment = await repo.selectFirstPerOffice(ctx.db, { ...base, cityCodes });
    if (inDepartment.length > 0) return { scope: 'department', items: inDepartment };
  }
  const { cityCodes: _ignored, ...national } = base;
  return { scope: 'country', items: await repo.selectFirstPerOffice(ctx.db, national) };
}
