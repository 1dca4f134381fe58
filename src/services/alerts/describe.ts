import { formatCivilDate } from '../../i18n/format.js';
import { type Locale, translator } from '../../i18n/index.js';
import type { SubscriptionRow } from '../../repositories/alerts/subscriptions.js';

/** A subscription as people read it, in its language. */
export interface SubscriptionSummary {
  procedure: string;
  channel: string;
  place: string;
  from: string;
  to: string;
}

export function describeSubscription(row: SubscriptionRow, locale: Locale): SubscriptionSummary {
  const t = translator(locale);
  const en = locale === 'en';
  const place = row.office_name
    ? t('mail.alert.place.office', { office: row.office_name })
    : row.city_name
      ? t('mail.alert.place.city', { city: row.city_name })
      : t('mail.alert.place.any');
  return {
    procedure: en ? row.procedure_name_en : row.procedure_name_es,
    channel: en ? row.channel_name_en : row.channel_name_es,
    place,
    from: formatCivilDate(row.date_from, locale),
    to: formatCivilDate(row.date_to, locale),
  };
}
