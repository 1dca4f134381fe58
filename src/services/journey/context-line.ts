import type { Locale } from '../../i18n/index.js';
import { translate } from '../../i18n/index.js';
import type { OfficeView } from '../catalogue/offices.js';
import type { Choice } from './choice.js';
import type { Criteria } from './criteria.js';

/** Where the search looks, in words: the office, any office of a city or department, or the country. */
function placeLabel(
  locale: Locale,
  choice: Choice,
  criteria: Criteria,
  offices: readonly OfficeView[],
): string {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  if (choice.channel.remote) return t('journey.place.national');
  const office = offices.find((o) => o.code === criteria.oficina);
  if (office) return `${office.name}, ${office.city}`;
  const city = offices.find((o) => o.cityCode === criteria.ciudad);
  if (city) return t('journey.place.anyInCity', { city: city.city });
  const department = criteria.departamento ? departmentsOf(offices).get(criteria.departamento) : undefined;
  return department ? t('journey.place.anyInDepartment', { department }) : t('journey.place.national');
}

/** The departments of the offices, by code, in alphabetical order of their names. */
export function departmentsOf(offices: readonly OfficeView[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const o of [...offices].sort((a, b) => a.department.localeCompare(b.department, 'es')))
    map.set(o.departmentCode, o.department);
  return map;
}

/** The line under a search page's title: procedure, channel and where the search looks. */
export function contextLine(
  locale: Locale,
  choice: Choice,
  criteria: Criteria,
  offices: readonly OfficeView[],
): string {
  return translate(locale, 'journey.context.full', {
    name: choice.procedure.name,
    channel: choice.channel.name,
    place: placeLabel(locale, choice, criteria, offices),
  });
}
