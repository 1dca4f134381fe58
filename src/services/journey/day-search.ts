import { bookingWindow, windowRanges } from '../../domain/booking-window.js';
import { findDays, findSlots } from '../availability.js';
import type { ServiceContext } from '../context.js';
import type { Choice } from './choice.js';
import type { Criteria } from './criteria.js';
import { findDaysNationwide, findSlotsNationwide } from './search.js';

/**
 * Where a journey's search looks: at a place (an office or a city in person; a remote channel has one,
 * the whole country), or, in person with no place chosen, every office (of a department, if chosen).
 */
function scopeOf(choice: Choice, c: Criteria, nit: string | undefined) {
  const remote = choice.channel.remote;
  const base = { procedure: choice.procedure.code, channel: choice.channel.code, nit };
  if (remote || c.oficina || c.ciudad) {
    const office = remote ? undefined : c.oficina;
    const city = remote || c.oficina ? undefined : c.ciudad;
    return { national: false, query: { ...base, office, city } } as const;
  }
  return { national: true, query: { ...base, department: c.departamento } } as const;
}

/**
 * The days with room in the whole booking window, for the calendar. A search answers a limited range at
 * once (MAX_RANGE_DAYS), so the window is asked for in pieces.
 */
export async function calendarDays(
  ctx: ServiceContext,
  choice: Choice,
  c: Criteria,
  nit: string | undefined,
): Promise<Map<string, number>> {
  const scope = scopeOf(choice, c, nit);
  const days = new Map<string, number>();
  for (const range of windowRanges(bookingWindow(ctx.now, ctx.config), 60)) {
    const found = scope.national
      ? await findDaysNationwide(ctx, { ...scope.query, ...range })
      : await findDays(ctx, { ...scope.query, ...range });
    for (const d of found) days.set(d.date, d.available);
  }
  return days;
}

/** The months the calendar can show, and the one it opens on: the one asked for, else the first with room. */
export function calendarMonths(
  ctx: Pick<ServiceContext, 'now' | 'config'>,
  asked: string | undefined,
  days: ReadonlyMap<string, number>,
): { month: string; firstMonth: string; lastMonth: string } {
  const window = bookingWindow(ctx.now, ctx.config);
  const firstMonth = window.today.slice(0, 7);
  const lastMonth = window.lastDate.slice(0, 7);
  const valid = asked && /^\d{4}-\d{2}$/.test(asked) && asked >= firstMonth && asked <= lastMonth;
  const month = valid ? asked : ([...days.keys()][0] ?? window.today).slice(0, 7);
  return { month, firstMonth, lastMonth };
}

/** The times of one day with places left. */
export function dayTimes(
  ctx: ServiceContext,
  choice: Choice,
  c: Criteria,
  date: string,
  nit: string | undefined,
) {
  const scope = scopeOf(choice, c, nit);
  return scope.national
    ? findSlotsNationwide(ctx, { ...scope.query, date })
    : findSlots(ctx, { ...scope.query, date });
}
