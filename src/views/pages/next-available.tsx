import { formatWhen } from '../../i18n/format.js';
import { type Locale, translator } from '../../i18n/index.js';
import type { NextPlaces } from '../../services/reports/next-available.js';
import { Layout } from '../layout.js';

const timeOf = (instant: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'es' ? 'es-CO' : 'en-GB', {
    timeZone: 'America/Bogota',
    hour: 'numeric',
    minute: '2-digit',
  }).format(instant);

/** The public summary: for each procedure and kind of attention, the first free place in the country. */
export function NextAvailablePage({ locale, data }: { locale: Locale; data: NextPlaces }) {
  const t = translator(locale);
  return (
    <Layout locale={locale} title={t('next.title')} path="/proximas-citas">
      <h1>{t('next.title')}</h1>
      <p class="lead">{t('next.lead')}</p>
      <p>{t('next.updated', { time: timeOf(data.generatedAt, locale) })}</p>
      <div class="table-wrap">
        <table class="table next-available">
          <caption class="visually-hidden">{t('next.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('next.procedure')}</th>
              <th scope="col">{t('next.channel')}</th>
              <th scope="col">{t('next.first')}</th>
              <th scope="col">{t('next.where')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr>
                <th scope="row">
                  <a href={`/reservar?tramite=${encodeURIComponent(item.procedure)}`}>
                    {item.procedureName[locale]}
                  </a>
                </th>
                <td>{t(`admin.channelName.${item.channel}`)}</td>
                <td>{item.startsAt ? formatWhen(item.startsAt, locale) : t('next.none')}</td>
                <td>
                  {item.startsAt === null
                    ? ''
                    : item.remote
                      ? t('next.remote')
                      : `${item.officeName ?? ''}, ${item.city ?? ''}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href="/reservar">{t('next.book')}</a>
      </p>
      <p>
        <a href="/alertas">{t('next.alerts')}</a>
      </p>
    </Layout>
  );
}
