import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { bookingWindow, clipRange } from '../../domain/booking-window.js';
import { type Channel, isChannel } from '../../domain/channels.js';
import { isCivilDate } from '../../domain/civil-time.js';
import { validationFailed } from '../../domain/errors.js';
import * as repo from '../../repositories/availability.js';
import { assertCivilDates } from '../booking-scope.js';
import type { ServiceContext } from '../context.js';
import { noteSearch } from '../reports/note-search.js';

/**
 * Search by date across the country (DESIGN §2.3: "a day → every office or remote channel with room
 * that day"), optionally narrowed to one department. The place-bound searches are in availability.ts.
 */
export interface NationalQuery {
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
  const procedure = await db
    .selectFrom('procedures')
    .select(['requires_appointment', 'channels', 'active'])
    .where('code', '=', q.procedure)
    .executeTakeFirst();
  if (!procedure?.active) throw validationFailed([{ field: 'procedure', key: 'booking.procedure.unknown' }]);
  if (!procedure.requires_appointment)
    throw validationFailed([{ field: 'procedure', key: 'booking.procedure.noAppointment' }]);
  if (!isChannel(q.channel) || !procedure.channels.includes(q.channel))
    throw validationFailed([{ field: 'channel', key: 'booking.channel.notOffered' }]);
  if (!q.department) return { channel: q.channel };
  const cities = await db
    .selectFrom('cities')
    .select('code')
    .where('department_code', '=', q.department)
    .execute();
  if (cities.length === 0)
    throw validationFailed([{ field: 'department', key: 'journey.department.unknown' }]);
  return { channel: q.channel, cityCodes: cities.map((c) => c.code) };
}

export async function findDaysNationwide(
  ctx: ServiceContext,
  q: NationalQuery & { from: string; to: string },
): Promise<{ date: string; available: number }[]> {
  assertCivilDates({ from: q.from, to: q.to }, isCivilDate);
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
  assertCivilDates({ date: q.date }, isCivilDate);
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
