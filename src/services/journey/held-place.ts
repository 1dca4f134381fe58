import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { civilDateOf } from '../../domain/civil-time.js';
import { type Locale, translate } from '../../i18n/index.js';
import type { HoldDetails } from '../booking/citizen-hold.js';
import { listOffices } from '../catalogue/offices.js';
import { getProcedure } from '../catalogue/procedures.js';
import { channelInfos } from './choice.js';
import type { Criteria } from './criteria.js';
import { bogotaWhen, officeLine } from './wording.js';

/** The place a person holds, as the steps after the hold show it (in the page's language). */
export interface HeldPlace {
  holdId: string;
  procedure: string;
  channel: string;
  place: string;
  when: string;
  expiresAt: Date;
  secondsLeft: number;
}

/** The held place, and the search criteria that lead back to its day (to choose another time). */
export async function heldPlace(
  db: Kysely<DB>,
  hold: HoldDetails,
  locale: Locale,
  now: Date,
): Promise<{ held: HeldPlace; criteria: Criteria }> {
  const procedure = await getProcedure(db, hold.procedure, locale);
  const channel = (await channelInfos(db, locale)).find((c) => c.code === hold.channel);
  const office = (await listOffices(db, locale)).find((o) => o.code === hold.officeCode);
  const remote = channel?.remote ?? false;
  const held: HeldPlace = {
    holdId: hold.holdId,
    procedure: procedure?.name ?? hold.procedure,
    channel: channel?.name ?? hold.channel,
    place: remote
      ? translate(locale, 'journey.place.national')
      : office
        ? officeLine(office)
        : hold.officeCode,
    when: bogotaWhen(hold.startsAt, locale),
    expiresAt: hold.expiresAt,
    secondsLeft: (hold.expiresAt.getTime() - now.getTime()) / 1000,
  };
  const criteria: Criteria = {
    tramite: hold.procedure,
    canal: hold.channel,
    oficina: remote ? undefined : hold.officeCode,
    fecha: civilDateOf(hold.startsAt),
    reserva: hold.holdId,
  };
  return { held, criteria };
}
