import type { ComponentChildren } from 'preact';
import { type Locale, type MessageKey, translator } from '../i18n/index.js';
import { CONTACT_KEYS } from '../services/catalogue/site-texts.js';
import { useSiteTexts } from './site-texts-context.js';

export interface LayoutProps {
  locale: Locale;
  title: string;
  /** The current path, so the language switch can come back to it and the menu can mark it. */
  path?: string;
  children: ComponentChildren;
  /** Extra scripts of this page, served from /assets/js. */
  scripts?: readonly string[];
}

export const ASSET_VERSION = '2';

const NAV: readonly { href: string; key: MessageKey }[] = [
  { href: '/', key: 'nav.home' },
  { href: '/reservar', key: 'nav.book' },
  { href: '/gestionar', key: 'nav.manage' },
  { href: '/tramites', key: 'nav.procedures' },
  { href: '/canales', key: 'nav.channels' },
  { href: '/ayuda', key: 'nav.help' },
];

const FOOTER_LINKS: readonly { href: string; key: MessageKey }[] = [
  { href: '/cuando-necesito-cita', key: 'footer.whenNeeded' },
  { href: '/puntos-de-autoservicio', key: 'footer.kiosks' },
  { href: '/privacidad', key: 'layout.footer.policy' },
  { href: '/mis-datos', key: 'footer.myData' },
];

function isCurrent(href: string, path: string): boolean {
  const bare = path.split('?')[0] ?? path;
  return href === '/' ? bare === '/' : bare === href || bare.startsWith(`${href}/`);
}

export function Layout({ locale, title, path = '/', children, scripts = [] }: LayoutProps) {
  const t = translator(locale);
  const texts = useSiteTexts(locale);
  const notice = texts.get('ayuda.aviso').trim();
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
              <span class="brand-name">
                <span class="brand-full">{t('app.authority')}</span>
                <span class="brand-app">{t('app.name')}</span>
              </span>
            </a>
            <a class="lang-switch" href={switchHref} lang={other === 'es' ? 'es-CO' : 'en'} hreflang={other}>
              <span aria-hidden="true">{t('layout.language')}</span>
              <span class="visually-hidden">{t('layout.languageLabel')}</span>
            </a>
          </div>
          <nav class="site-nav" aria-label={t('layout.nav')}>
            <ul class="container site-nav-list">
              {NAV.map((item) => (
                <li>
                  <a href={item.href} aria-current={isCurrent(item.href, path) ? 'page' : undefined}>
                    {t(item.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="contenido" class="container" tabIndex={-1}>
          {notice !== '' ? (
            <div class="site-notice">
              <p>{notice}</p>
            </div>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="container footer-grid">
            <div>
              <p class="footer-authority">{t('app.authority')}</p>
              <h2 class="footer-heading">{t('layout.footer.contact')}</h2>
              <ul class="footer-list">
                {CONTACT_KEYS.map((key) => (
                  <li data-text-key={key}>{texts.get(key)}</li>
                ))}
              </ul>
              <p>{t('layout.footer.free')}</p>
            </div>
            <div>
              <h2 class="footer-heading">{t('footer.links')}</h2>
              <ul class="footer-list">
                {FOOTER_LINKS.map((link) => (
                  <li>
                    <a href={link.href}>{t(link.key)}</a>
                  </li>
                ))}
                <li>
                  <a href="/admin">{t('home.admin')}</a>
                </li>
              </ul>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}
