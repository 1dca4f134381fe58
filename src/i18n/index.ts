import { admin } from './messages/admin.js';
import { adminReleases } from './messages/admin-releases.js';
import { agenda } from './messages/agenda.js';
import { agendaEdit } from './messages/agenda-edit.js';
import { alerts } from './messages/alerts.js';
import { booking } from './messages/booking.js';
import { common } from './messages/common.js';
import { deadlineNit } from './messages/deadline-nit.js';
import { journey } from './messages/journey.js';
import { mail } from './messages/mail.js';
import { privacy } from './messages/privacy.js';
import { rebook } from './messages/rebook.js';
import { releasePages } from './messages/release-pages.js';
import { releases } from './messages/releases.js';
import { reports } from './messages/reports.js';
import { site } from './messages/site.js';

/**
 * Every text people read, in Spanish (default) and English. Each area keeps its messages in its own
 * file under `messages/`; they are merged here.
 */
const GROUPS = [
  common,
  booking,
  admin,
  agenda,
  agendaEdit,
  mail,
  alerts,
  privacy,
  site,
  journey,
  reports,
  rebook,
  deadlineNit,
  releases,
  releasePages,
  adminReleases,
] as const;

type Group = (typeof GROUPS)[number];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
export type MessageKey = keyof UnionToIntersection<Group['es']>;

export type Locale = 'es' | 'en';

const DICTIONARIES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  es: Object.assign({}, ...GROUPS.map((g) => g.es)),
  en: Object.assign({}, ...GROUPS.map((g) => g.en)),
};

export function isLocale(value: unknown): value is Locale {
  return value === 'es' || value === 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return key in DICTIONARIES.es;
}

/** The text of a key in a locale with `{name}` placeholders filled; an unknown key shows as itself. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = DICTIONARIES[locale][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translator = (
  key: MessageKey | (string & {}),
  params?: Record<string, string | number>,
) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
