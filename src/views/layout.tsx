import type { ComponentChildren } from 'preact';
import { type Locale, translator } from '../i18n/index.js';

export interface LayoutProps {
  locale: Locale;
  title: string;
  /** The current path, so the language switch can come back to it. */
  path?: string;
  children: ComponentChildren;
  /** Extra scripts of this page, served from /assets/js. */
  scripts?: readonly string[];
}

export const ASSET_VERSION = '1';

export function Layout({ locale, title, path = '/', children, scripts = [] }: LayoutProps) {
  const t = translator(locale);
  const other: Locale = locale === 'es' ? 'en' : 'es';
  const switchHref = `/idioma/${other}?volver=${encodeURIComponent(path)}`;
  return (
    <html lang={locale === 'es' ? 'es-CO' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('app.name')} – ${t('app.authorityShort')}`}</title>
        <link rel="stylesheet" href={`/assets/css/site.css?v=${ASSET_VERSION}`} />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script type="module" src={`/assets/js/enhance.js?v=${ASSET_VERSION}`} />
        {scripts.map((s) => (
          <script type="module" src={`/assets/js/${s}?v=${ASSET_VERSION}`} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#contenido">
          {t('layout.skip')}
        </a>
        <div class="govco-bar">
          <div class="container">
            <span class="govco-logo">GOV.CO</span>
            <span class="visually-hidden">{t('layout.govco')}</span>
          </div>
        </div>
        <header class="site-header">
          <div class="container header-inner">
            <a class="brand" href="/">
              <span class="brand-authority">{t('app.authorityShort')}</span>
              <span class="brand-name">{t('app.name')}</span>
            </a>
            <a class="lang-switch" href={switchHref} lang={other === 'es' ? 'es-CO' : 'en'} hreflang={other}>
              <span aria-hidden="true">{t('layout.language')}</span>
              <span class="visually-hidden">{t('layout.languageLabel')}</span>
            </a>
          </div>
        </header>
        <main id="contenido" class="container" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p class="footer-authority">{t('app.authority')}</p>
            <h2 class="footer-heading">{t('layout.footer.contact')}</h2>
            <p>{t('layout.footer.phone')}</p>
            <p>{t('layout.footer.address')}</p>
            <p>{t('layout.footer.free')}</p>
            <p>
              <a href="/privacidad">{t('layout.footer.policy')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
