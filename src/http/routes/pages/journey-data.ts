import type { Kysely } from 'kysely';
import type { Config } from '../../../config.js';
import type { DB } from '../../../db/schema.js';
import { bookingWindow } from '../../../domain/booking-window.js';
import { type Channel, isChannel } from '../../../domain/channels.js';
import type { Locale } from '../../../i18n/index.js';
import { translate } from '../../../i18n/index.js';
import { selectChannels } from '../../../repositories/catalogue/channels.js';
import { listOffices, type OfficeView } from '../../../services/catalogue/offices.js';
import { getProcedure, type ProcedureView } from '../../../services/catalogue/procedures.js';
import type { Alternatives } from '../../../views/booking/calendar.js';
import type { ChannelInfo } from '../../../views/booking/choose.js';
import { type Criteria, journeyHref } from '../../../views/booking/criteria.js';

/** Catalogue look-ups the journey's pages share (read-only, in the page's language). */
export async function channelInfos(db: Kysely<DB>, locale: Locale): Promise<ChannelInfo[]> {
  const en = locale === 'en';
  return (await selectChannels(db))
    .filter((c) => isChannel(c.code))
    .map((c) => ({
      code: c.code as Channel,
      name: en ? c.name_en : c.name_es,
      description: en ? c.description_en : c.description_es,
      remote: c.remote,
    }));
}

export interface Choice {
  procedure: ProcedureView;
  channel: ChannelInfo;
  channels: ChannelInfo[];
}

/** The procedure and channel of the criteria when both are real and go together; else what is missing. */
export async function choiceOf(
  db: Kysely<DB>,
  criteria: Criteria,
  locale: Locale,
): Promise<
  | { ok: true; choice: Choice }
  | { ok: false; missing: 'procedure' | 'channel'; procedure?: ProcedureView; channels?: ChannelInfo[] }
> {
  const procedure = criteria.tramite ? await getProcedure(db, criteria.tramite, locale) : undefined;
  if (!procedure?.requiresAppointment) return { ok: false, missing: 'procedure' };
  const all = await channelInfos(db, locale);
  const channels = all.filter((c) => procedure.channels.includes(c.code));
  const channel = channels.find((c) => c.code === criteria.canal);
  if (!channel) return { ok: false, missing: 'channel', procedure, channels };
  return { ok: true, choice: { procedure, channel, channels } };
}

export function placeLabel(
  t: (k: string, p?: Record<string, string | number>) => string,
  choice: Choice,
  criteria: Criteria,
  offices: readonly OfficeView[],
  departments: ReadonlyMap<string, string>,
): string {
  if (choice.channel.remote) return t('journey.place.national');
  const office = offices.find((o) => o.code === criteria.oficina);
  if (office) return `${office.name}, ${office.city}`;
  const city = offices.find((o) => o.cityCode === criteria.ciudad);
  if (city) return t('journey.place.anyInCity', { city: city.city });
  const department = criteria.departamento ? departments.get(criteria.departamento) : undefined;
  return department ? t('journey.place.anyInDepartment', { department }) : t('journey.place.national');
}

export function departmentsOf(offices: readonly OfficeView[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const o of [...offices].sort((a, b) => a.department.localeCompare(b.department, 'es')))
    map.set(o.departmentCode, o.department);
  return map;
}

/**
 * The offices that attend the chosen procedure by the chosen channel: the only ones the journey offers,
 * since search finds nothing at any other (issue #18: a customs office offered for the RUT was a dead end).
 */
export function officesFor(db: Kysely<DB>, locale: Locale, choice: Choice): Promise<OfficeView[]> {
  return listOffices(db, locale, {
    serving: { procedure: choice.procedure.code, channel: choice.channel.code },
  });
}

/** The other ways to an appointment when a search finds nothing (DESIGN §2, "no results"). */
export function alternativesFor(
  choice: Choice,
  criteria: Criteria,
  offices: readonly OfficeView[],
  config: Pick<Config, 'minLeadMinutes' | 'bookingWindowDays'>,
  now: Date,
): Alternatives {
  const base: Criteria = {
    tramite: criteria.tramite,
    canal: criteria.canal,
    cambio: criteria.cambio,
    reserva: criteria.reserva,
  };
  const office = offices.find((o) => o.code === criteria.oficina);
  const window = bookingWindow(now, config);
  const alert = new URLSearchParams({ procedure: choice.procedure.code, channel: choice.channel.code });
  if (office) alert.set('office', office.code);
  else if (criteria.ciudad) alert.set('city', criteria.ciudad);
  alert.set('from', criteria.fecha ?? window.today);
  alert.set('to', window.lastDate);
  const inPerson = !choice.channel.remote;
  return {
    otherOffices: office
      ? offices
          .filter((o) => o.cityCode === office.cityCode && o.code !== office.code)
          .map((o) => ({ name: o.name, href: journeyHref('/reservar/dias', base, { oficina: o.code }) }))
      : [],
    wholeCityHref: office ? journeyHref('/reservar/dias', base, { ciudad: office.cityCode }) : undefined,
    dateSearchHref:
      inPerson && (criteria.oficina || criteria.ciudad) ? journeyHref('/reservar/dias', base) : undefined,
    remoteChannels: criteria.cambio
      ? []
      : choice.channels
          .filter((c) => c.remote && c.code !== choice.channel.code)
          .map((c) => ({ name: c.name, href: journeyHref('/reservar/dias', base, { canal: c.code }) })),
    alertHref: `/alertas?${alert.toString()}`,
  };
}

export function contextLine(locale: Locale, choice: Choice, place: string): string {
  return translate(locale, 'journey.context.full', {
    name: choice.procedure.name,
    channel: choice.channel.name,
    place,
  });
}
