import { formatWhen } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';

/** An instant as the journey's pages say it: the day and time, and that it is Bogotá's time. */
export function bogotaWhen(at: Date, locale: Locale): string {
  return `${formatWhen(at, locale)} ${translate(locale, 'journey.bogotaTime')}`;
}

/** An office as the journey's pages name it where a person must go: name, address, city. */
export function officeLine(office: { name: string; address: string; city: string }): string {
  return `${office.name}, ${office.address}, ${office.city}`;
}
