import { civilDateOf } from '../../domain/civil-time.js';
import type { FieldError } from '../../domain/errors.js';
import { formatCivilDate, formatTime } from '../../i18n/format.js';
import type { Locale } from '../../i18n/index.js';
import type { SlotWithRoom } from '../../repositories/availability.js';
import type { OfficeView } from '../catalogue/offices.js';
import { departmentsOf } from './context-line.js';
import { type Criteria, journeyBase, journeyHref } from './criteria.js';

/** The lists of the place step: departments, the chosen department's cities, the chosen city's offices. */
export interface PlaceOptions {
  departments: { code: string; name: string }[];
  cities: { code: string; name: string }[];
  offices: { code: string; name: string; address: string }[];
}

/** A first free time near the chosen city, as a link to its day. */
export interface FirstFree {
  officeName: string;
  when: string;
  href: string;
}

/**
 * The place answers of the criteria, each kept only when the offices that serve the choice have it
 * (department → city → office). On the office step (`paso=oficina`) with a city chosen, `chosen` is where
 * the search goes on: the office, or the whole city when no office was picked.
 */
export function placeAnswers(
  offices: readonly OfficeView[],
  criteria: Criteria,
  step: string | undefined,
): { place: Criteria; errors: FieldError[]; chosen?: Criteria } {
  const place = journeyBase(criteria);
  const errors: FieldError[] = [];
  if (criteria.departamento) {
    if (offices.some((o) => o.departmentCode === criteria.departamento))
      place.departamento = criteria.departamento;
    else errors.push({ field: 'departamento', key: 'journey.department.unknown' });
  }
  if (place.departamento && criteria.ciudad) {
    if (offices.some((o) => o.cityCode === criteria.ciudad && o.departmentCode === place.departamento))
      place.ciudad = criteria.ciudad;
    else errors.push({ field: 'ciudad', key: 'booking.city.unknown' });
  }
  if (step !== 'oficina') return { place, errors };
  if (place.ciudad && !criteria.oficina) return { place, errors, chosen: { ciudad: place.ciudad } };
  if (place.ciudad && offices.some((o) => o.code === criteria.oficina && o.cityCode === place.ciudad))
    return { place, errors, chosen: { oficina: criteria.oficina } };
  if (place.ciudad) errors.push({ field: 'oficina', key: 'booking.office.unknown' });
  else if (errors.length === 0) errors.push({ field: 'ciudad', key: 'journey.city.required' });
  return { place, errors };
}

/** The lists the place step offers for the answers so far. */
export function placeOptions(offices: readonly OfficeView[], place: Criteria): PlaceOptions {
  const cities = new Map<string, string>();
  for (const o of offices.filter((x) => x.departmentCode === place.departamento))
    cities.set(o.cityCode, o.city);
  return {
    departments: [...departmentsOf(offices)].map(([code, name]) => ({ code, name })),
    cities: [...cities]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'es')),
    offices: offices
      .filter((o) => o.cityCode === place.ciudad)
      .map((o) => ({ code: o.code, name: o.name, address: o.address })),
  };
}

/** The first free times near the chosen city, each a link to its office's day. */
export function firstFreeLinks(
  slots: readonly SlotWithRoom[],
  offices: readonly OfficeView[],
  criteria: Criteria,
  locale: Locale,
): FirstFree[] {
  return slots.map((s) => ({
    officeName: offices.find((o) => o.code === s.officeCode)?.name ?? s.officeCode,
    when: `${formatCivilDate(civilDateOf(s.startsAt), locale)}, ${formatTime(s.startsAt, locale)}`,
    href: journeyHref('/reservar/horas', journeyBase(criteria), {
      oficina: s.officeCode,
      fecha: civilDateOf(s.startsAt),
    }),
  }));
}
