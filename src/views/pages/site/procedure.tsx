import { type Locale, translator } from '../../../i18n/index.js';
import type { ChannelView } from '../../../services/catalogue/channels.js';
import type { ProcedureView } from '../../../services/catalogue/procedures.js';
import { Layout } from '../../layout.js';
import { bookHref, procedureHref } from './procedure-parts.js';

export function ProcedurePage({
  locale,
  procedure: p,
  channels,
}: {
  locale: Locale;
  procedure: ProcedureView;
  channels: readonly ChannelView[];
}) {
  const t = translator(locale);
  const own = channels.filter((c) => p.channels.includes(c.code));
  return (
    <Layout locale={locale} title={p.name} path={procedureHref(p.code)}>
      <p class="back-link">
        <a href="/tramites">{t('procedure.back')}</a>
      </p>
      <span class="caption">{t(`catalogue.category.${p.category}`)}</span>
      <h1>{p.name}</h1>
      {p.selfServiceUrl ? (
        <div class="callout callout-online">
          <h2>{t('procedure.selfService')}</h2>
          {p.selfServiceText ? <p>{p.selfServiceText}</p> : null}
          <p>
            <a href={p.selfServiceUrl} rel="noopener">
              {t('procedure.selfService.go')}
            </a>
          </p>
          {p.requiresAppointment ? <p>{t('procedure.selfService.exceptions')}</p> : null}
        </div>
      ) : null}
      <h2>{t('procedure.what')}</h2>
      <p>{p.summary}</p>
      <h2>{t('procedure.audience')}</h2>
      <p>{p.audience}</p>
      {p.requiresAppointment ? (
        <>
          <h2>{t('procedure.bring')}</h2>
          <ul class="requirements">
            {p.requirements.length > 0 ? (
              p.requirements.map((r) => <li>{r}</li>)
            ) : (
              <li>{t('catalogue.noRequirements')}</li>
            )}
          </ul>
          <h2>{t('procedure.channels')}</h2>
          <ul class="channel-summary">
            {own.map((c) => (
              <li>
                <strong>{c.name}.</strong> {c.description}
              </li>
            ))}
          </ul>
          <p>
            <a href="/canales">{t('procedure.channelsLink')}</a>
          </p>
          {p.durationMinutes !== null ? (
            <>
              <h2>{t('procedure.duration')}</h2>
              <p>{t('catalogue.minutes', { minutes: p.durationMinutes })}</p>
            </>
          ) : null}
          <p class="free-note">{t('procedure.free')}</p>
          <p>
            <a class="button button-start" href={bookHref(p.code)}>
              {t('catalogue.book')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="free-note">{t('procedure.noAppointment')}</p>
          <p>
            {t('when.kiosks')} <a href="/puntos-de-autoservicio">{t('when.kiosks.link')}</a>.
          </p>
        </>
      )}
    </Layout>
  );
}
