import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { bookingWindow, clipRange } from '../../domain/booking-window.js';
import { type Channel, isChannel } from '../../domain/channels.js';
import { validationFailed } from '../../domain/errors.js';
import * as repo from '../../repositories/availability.js';
import { selectCityCodesOf } from '../../repositories/search-scope.js';
import { assertCivilDates, procedureErrors } from '../booking-scope.js';
import type { ServiceContext } from '../context.js';
import { noteSearch } from '../reports/note-search.js';

/**
 * Search by date across the country (DESIGN §2.3: "a day → every office or remote channel with room
 * that day"), optionally narrowed to one department. The place-bound searches are in availability.ts.
 */
interface NationalQuery {
  procedure: string;
  channel: string;
  /** DIVIPOLA department code (2 digits), to narrow an in-person search. */
  department?: string | undefined;
  /** The searcher's NIT without check digit: shows them their deadline day's reserved places. */
  nit?: string | undefined;
}

async function scopeOf(
  db: Kysely<DB>,
  q: NationalQuery,
): Promise<{ channel: Channel; cityCodes?: string[] }> {
  const errors = await procedureErrors(db, q.procedure, q.channel);
  if (errors.length > 0 || !isChannel(q.channel)) throw validationFailed(errors);
  if (!q.department) return { channel: q.channel };
  const cityCodes = await selectCityCodesOf(db, q.department);
  if (cityCodes.length === 0)
    throw validationFailed([{ field: 'department', key: 'journey.department.unknown' }]);
  return { channel: q.channel, cityCodes };
}

export async function findDaysNationwide(
  ctx: ServiceContext,
  q: NationalQuery & { from: string; to: string },
): Promise<{ date: string; available: number }[]> {
  assertCivilDates({ from: q.from, to: q.to });
  const scope = await scopeOf(ctx.db, q);
  const window = bookingWindow(ctx.now, ctx.config);
  const range = clipRange(q.from, q.to, window);
  // Counted for the reports as a national search (a department is not one of their places).
  const counted = { procedure: q.procedure, channel: scope.channel };
  if (!range) return noteSearch(ctx, 'days', counted, q.from, []);
  const days = await repo.selectDaysWithRoom(ctx.db, {
    procedure: q.procedure,
    ...scope,
    ...range,
    earliest: window.earliest,
    now: ctx.now,
    nit: q.nit,
  });
  return noteSearch(ctx, 'days', counted, q.from, days);
}

export async function findSlotsNationwide(
  ctx: ServiceContext,
  q: NationalQuery & { date: string },
): Promise<repo.SlotWithRoom[]> {
  assertCivilDates({ date: q.date });
  const scope = await scopeOf(ctx.db, q);
  const window = bookingWindow(ctx.now, ctx.config);
  const counted = { procedure: q.procedure, channel: scope.channel };
  if (q.date < window.today || q.date > window.lastDate) return noteSearch(ctx, 'slots', counted, q.date, []);
  const slots = await repo.selectSlotsWithRoom(ctx.db, {
    procedure: q.procedure,
    ...scope,
    date: q.date,
    earliest: window.earliest,
    now: ctx.now,
    nit: q.nit,
  });
  return noteSearch(ctx, 'slots', counted, q.date, slots);
}
