import { type Locale, translator } from '../../../i18n/index.js';
import type { ProcedureView } from '../../../services/catalogue/procedures.js';
import { Layout } from '../../layout.js';
import { procedureHref } from './procedure-parts.js';

export function WhenNeededPage({
  locale,
  procedures,
}: {
  locale: Locale;
  procedures: readonly ProcedureView[];
}) {
  const t = translator(locale);
  const online = procedures.filter((p) => !p.requiresAppointment);
  const both = procedures.filter((p) => p.requiresAppointment && p.selfServiceUrl);
  const withAppointment = procedures.filter((p) => p.requiresAppointment);
  return (
    <Layout locale={locale} title={t('when.title')} path="/cuando-necesito-cita">
      <h1>{t('when.title')}</h1>
      <p class="lead">{t('when.lead')}</p>
      <h2>{t('when.online.title')}</h2>
      <p>{t('when.online.lead')}</p>
      <ul class="card-list">
        {online.map((p) => (
          <li class="card">
            <h3 class="card-title">{p.name}</h3>
            {p.selfServiceText ? <p>{p.selfServiceText}</p> : <p>{p.summary}</p>}
            {p.selfServiceUrl ? (
              <p>
                <a href={p.selfServiceUrl} rel="noopener">
                  {t('when.online.go', { name: p.name })}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        {t('when.kiosks')} <a href="/puntos-de-autoservicio">{t('when.kiosks.link')}</a>.
      </p>
      {both.length > 0 ? (
        <>
          <p>{t('when.exceptions')}</p>
          <ul>
            {both.map((p) => (
              <li>
                <a href={procedureHref(p.code)}>{p.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('when.needed.title')}</h2>
      <ul class="facts">
        <li>{t('when.needed.item1')}</li>
        <li>{t('when.needed.item2')}</li>
        <li>{t('when.needed.item3')}</li>
      </ul>
      <h3>{t('when.needed.list')}</h3>
      <ul class="columns">
        {withAppointment.map((p) => (
          <li>
            <a href={procedureHref(p.code)}>{p.name}</a>
          </li>
        ))}
      </ul>
      <p>
        <a class="button button-start" href="/reservar">
          {t('home.start')}
        </a>
      </p>
    </Layout>
  );
}
