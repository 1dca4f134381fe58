import { type Locale, translator } from '../../i18n/index.js';
import { Layout } from '../layout.js';

export function HomePage({ locale }: { locale: Locale }) {
  const t = translator(locale);
  return (
    <Layout locale={locale} title={t('home.title')} path="/">
      <div class="hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.lead')}</p>
        <p>
          <a class="button button-start" href="/reservar">
            {t('home.start')}
            <svg
              class="button-start-icon"
              aria-hidden="true"
              focusable="false"
              width="17"
              height="19"
              viewBox="0 0 33 40"
            >
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </a>
        </p>
        <p>
          <a href="/gestionar">{t('home.manage')}</a>
        </p>
        <p>
          <a href="/proximas-citas">{t('next.link')}</a>
        </p>
        <p>
          <a href="/sorteos">{t('releasePages.home.link')}</a>
        </p>
      </div>
      <div class="callout">
        <p>
          {t('home.lead2')} <a href="/cuando-necesito-cita">{t('home.whenNeeded')}</a>
        </p>
      </div>
      <h2>{t('home.facts')}</h2>
      <ul class="facts">
        <li>{t('home.fact.free')}</li>
        <li>{t('home.fact.noIntermediaries')}</li>
        <li>{t('home.fact.personal')}</li>
        <li>{t('home.fact.remote')}</li>
        <li>{t('home.fact.online')}</li>
      </ul>
      <h2>{t('home.more')}</h2>
      <ul class="link-list">
        <li>
          <a href="/tramites">{t('home.more.procedures')}</a>
        </li>
        <li>
          <a href="/canales">{t('home.more.channels')}</a>
        </li>
        <li>
          <a href="/puntos-de-autoservicio">{t('home.more.kiosks')}</a>
        </li>
        <li>
          <a href="/ayuda">{t('home.more.help')}</a>
        </li>
      </ul>
    </Layout>
  );
}
