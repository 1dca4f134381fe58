import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { type Channel, isRemote } from '../domain/channels.js';
import { AppError, type FieldError, validationFailed } from '../domain/errors.js';

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

/**
 * Checks that a procedure is booked through that channel and where: an office, a city, or (remote
 * channels only) the whole country. Unknown or contradictory input becomes field errors.
 */
export async function resolvePlace(db: Kysely<DB>, q: PlaceQuery): Promise<ResolvedPlace> {
  const errors: FieldError[] = [];
  const procedure = await db
    .selectFrom('procedures')
    .select(['code', 'requires_appointment', 'channels', 'active'])
    .where('code', '=', q.procedure)
    .executeTakeFirst();
  if (!procedure?.active) errors.push({ field: 'procedure', key: 'booking.procedure.unknown' });
  else if (!procedure.requires_appointment)
    errors.push({ field: 'procedure', key: 'booking.procedure.noAppointment' });
  else if (!procedure.channels.includes(q.channel))
    errors.push({ field: 'channel', key: 'booking.channel.notOffered' });

  if (q.office && q.city) errors.push({ field: 'office', key: 'booking.place.oneOnly' });
  else if (!q.office && !q.city && !isRemote(q.channel))
    errors.push({ field: 'office', key: 'booking.place.required' });

  const place: ResolvedPlace = {
    procedure: q.procedure,
    channel: q.channel,
    ...(q.nit ? { nit: q.nit } : {}),
  };
  if (q.office && !q.city) {
    const office = await db
      .selectFrom('offices')
      .select('code')
      .where('code', '=', q.office)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!office) errors.push({ field: 'office', key: 'booking.office.unknown' });
    else place.officeCode = office.code;
  }
  if (q.city && !q.office) {
    const offices = await db
      .selectFrom('offices')
      .select('code')
      .where('city_code', '=', q.city)
      .where('active', '=', true)
      .execute();
    if (offices.length === 0) errors.push({ field: 'city', key: 'booking.city.unknown' });
    else place.cityCodes = [q.city];
  }
  if (errors.length > 0) throw validationFailed(errors);
  return place;
}

export function assertCivilDates(fields: Record<string, string>, isDate: (v: string) => boolean): void {
  const errors = Object.entries(fields)
    .filter(([, v]) => !isDate(v))
    .map(([field]) => ({ field, key: 'booking.date.invalid' }));
  if (errors.length > 0)
    throw new AppError('VALIDATION', 'error.validation', { count: errors.length }, errors);
}
