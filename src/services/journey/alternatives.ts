import type { Config } from '../../config.js';
import { bookingWindow } from '../../domain/booking-window.js';
import type { OfficeView } from '../catalogue/offices.js';
import type { Choice } from './choice.js';
import { type Criteria, journeyBase, journeyHref } from './criteria.js';

/** The other ways to an appointment when a search finds nothing (DESIGN §2, "no results"). */
export interface Alternatives {
  otherOffices: { name: string; href: string }[];
  wholeCityHref?: string | undefined;
  dateSearchHref?: string | undefined;
  remoteChannels: { name: string; href: string }[];
  alertHref: string;
}

export function alternativesFor(
  choice: Choice,
  criteria: Criteria,
  offices: readonly OfficeView[],
  config: Pick<Config, 'minLeadMinutes' | 'bookingWindowDays'>,
  now: Date,
): Alternatives {
  const base = journeyBase(criteria);
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
