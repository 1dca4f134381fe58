import { formatTime, formatWhen } from '../../i18n/format.js';
import type { Locale } from '../../i18n/index.js';
import { translator } from '../../i18n/index.js';
import type { OfferRow } from '../../repositories/alerts/offers.js';

/** An offered place as its e-mail and claim page show it. */
export interface OfferView {
  id: number;
  /** open: can be claimed now; claimed: already taken by this person; gone: expired or passed on. */
  state: 'open' | 'claimed' | 'gone';
  locale: Locale;
  procedure: string;
  channel: string;
  when: string;
  place: string;
  /** The end of the claim window, as a time of day in Bogotá. */
  until: string;
  expiresAt: Date;
  startsAt: Date;
}

/** `locale` overrides the subscription's language (a person who chose another one on the site). */
export function toOfferView(
  row: OfferRow,
  now: Date,
  locale: Locale = row.locale === 'en' ? 'en' : 'es',
): OfferView {
  const t = translator(locale);
  const en = locale === 'en';
  const state =
    row.status === 'claimed'
      ? 'claimed'
      : row.status === 'offered' && row.slot_status === 'open' && row.expires_at.getTime() > now.getTime()
        ? 'open'
        : 'gone';
  return {
    id: row.id,
    state,
    locale,
    procedure: en ? row.procedure_name_en : row.procedure_name_es,
    channel: en ? row.channel_name_en : row.channel_name_es,
    when: formatWhen(row.starts_at, locale),
    place: row.channel_remote
      ? row.office_name
      : t('mail.value.place', { office: row.office_name, address: row.office_address, city: row.city_name }),
    until: formatTime(row.expires_at, locale),
    expiresAt: row.expires_at,
    startsAt: row.starts_at,
  };
}
