import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { type Channel, isChannel, isRemote } from '../domain/channels.js';
import { isCivilDate } from '../domain/civil-time.js';
import { type FieldError, validationFailed } from '../domain/errors.js';
import { hasActiveOffice, selectProcedureBooking } from '../repositories/search-scope.js';

export interface PlaceQuery {
  procedure: string;
  channel: Channel;
  office?: string | undefined;
  city?: string | undefined;
  /** The searcher's NIT without check digit: shows them their deadline day's reserved places. */
  nit?: string | undefined;
}

export interface ResolvedPlace {
  procedure: string;
  channel: Channel;
  officeCode?: string;
  cityCodes?: string[];
  nit?: string;
}

/** What keeps a procedure from being booked through a channel: unknown, done online, or not that channel. */
export async function procedureErrors(
  db: Kysely<DB>,
  procedure: string,
  channel: string,
): Promise<FieldError[]> {
  const found = await selectProcedureBooking(db, procedure);
  if (!found?.active) return [{ field: 'procedure', key: 'booking.procedure.unknown' }];
  if (!found.requires_appointment) return [{ field: 'procedure', key: 'booking.procedure.noAppointment' }];
  if (!isChannel(channel) || !found.channels.includes(channel))
    return [{ field: 'channel', key: 'booking.channel.notOffered' }];
  return [];
}

/**
 * Checks that a procedure is booked through that channel and where: an office, a city, or (remote
 * channels only) the whole country. Unknown or contradictory input becomes field errors.
 */
export async function resolvePlace(db: Kysely<DB>, q: PlaceQuery): Promise<ResolvedPlace> {
  const errors = await procedureErrors(db, q.procedure, q.channel);
  if (q.office && q.city) errors.push({ field: 'office', key: 'booking.place.oneOnly' });
  else if (!q.office && !q.city && !isRemote(q.channel))
    errors.push({ field: 'office', key: 'booking.place.required' });

  const place: ResolvedPlace = {
    procedure: q.procedure,
    channel: q.channel,
    ...(q.nit ? { nit: q.nit } : {}),
  };
  if (q.office && !q.city) {
    if (await hasActiveOffice(db, { officeCode: q.office })) place.officeCode = q.office;
    else errors.push({ field: 'office', key: 'booking.office.unknown' });
  }
  if (q.city && !q.office) {
    if (await hasActiveOffice(db, { cityCode: q.city })) place.cityCodes = [q.city];
    else errors.push({ field: 'city', key: 'booking.city.unknown' });
  }
  if (errors.length > 0) throw validationFailed(errors);
  return place;
}

/** Throws VALIDATION naming every field that is not a civil date (YYYY-MM-DD that exists). */
export function assertCivilDates(fields: Record<string, string>): void {
  const errors = Object.entries(fields)
    .filter(([, v]) => !isCivilDate(v))
    .map(([field]) => ({ field, key: 'booking.date.invalid' }));
  if (errors.length > 0) throw validationFailed(errors);
}
