import { BOGOTA } from '../domain/civil-time.js';
import type { Locale } from './index.js';

const INTL_LOCALE: Readonly<Record<Locale, string>> = { es: 'es-CO', en: 'en-GB' };

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: BOGOTA, ...options });
}

/** "martes, 1 de diciembre de 2026, 8:30 a. m." / "Tuesday 1 December 2026, 08:30", in Bogotá time. */
export function formatWhen(instant: Date, locale: Locale): string {
  return formatter(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: locale === 'es',
  }).format(instant);
}

/** "martes, 1 de diciembre de 2026" in Bogotá. */
export function formatDay(instant: Date, locale: Locale): string {
  return formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    instant,
  );
}

/** A civil date `YYYY-MM-DD` as words ("1 de diciembre de 2026"). */
export function formatCivilDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "8:30 a. m." / "08:30", in Bogotá. */
export function formatTime(instant: Date, locale: Locale): string {
  return formatter(locale, { hour: 'numeric', minute: '2-digit', hour12: locale === 'es' }).format(instant);
}
