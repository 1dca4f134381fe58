import type { ComponentChildren } from 'preact';
import { can } from '../../domain/access.js';
import type { Permission } from '../../domain/roles.js';
import { type Locale, type Translator, translator } from '../../i18n/index.js';
import { actorOf, type StaffSession } from '../../services/staff-access/sessions.js';
import { CsrfField } from '../components/csrf-field.js';
import { ASSET_VERSION } from '../layout.js';

/** What every back-office page needs from the request: language, the signed-in person, a CSRF token. */
export interface AdminContext {
  locale: Locale;
  t: Translator;
  /** The current path (the language switch comes back to it; the menu marks it). */
  path: string;
  csrf: string;
  session: StaffSession | null;
  /** A message of the last action (post/redirect/get), already translated. */
  notice?: string | null;
}

export function makeContext(
  locale: Locale,
  path: string,
  csrf: string,
  session: StaffSession | null,
  notice?: string | null,
): AdminContext {
  return { locale, t: translator(locale), path, csrf, session, notice: notice ?? null };
}

interface NavItem {
  href: string;
  key: string;
  permission: Permission;
}

/**
 * The back-office menu. Other areas (agenda, desk, reports) add their entries here; each shows only to
 * the roles whose permission it names.
 */
export const ADMIN_NAV: NavItem[] = [
  { href: '/admin', key: 'admin.nav.dashboard', permission: 'backoffice.enter' },
  { href: '/admin/mesa', key: 'admin.nav.desk', permission: 'desk.attend' },
  { href: '/admin/agenda', key: 'admin.nav.agenda', permission: 'agenda.view' },
  { href: '/admin/sorteos', key: 'admin.nav.releases', permission: 'agenda.view' },
  { href: '/admin/oficinas', key: 'admin.nav.offices', permission: 'offices.view' },
  { href: '/admin/tramites', key: 'admin.nav.procedures', permission: 'catalogue.view' },
  { href: '/admin/canales', key: 'admin.nav.channels', permission: 'catalogue.view' },
  { href: '/admin/quioscos', key: 'admin.nav.kiosks', permission: 'site.view' },
  { href: '/admin/textos', key: 'admin.nav.siteTexts', permission: 'site.view' },
  { href: '/admin/funcionarios', key: 'admin.nav.staff', permission: 'staff.view' },
  { href: '/admin/auditoria', key: 'admin.nav.audit', permission: 'audit.view' },
  { href: '/admin/informes', key: 'admin.nav.reports', permission: 'reports.view' },
];

function isCurrent(href: string, path: string): boolean {
  const bare = path.split('?')[0] ?? path;
  return href === '/admin' ? bare === '/admin' : bare === href || bare.startsWith(`${href}/`);
}

export function AdminLayout({
  ctx,
  title,
  children,
}: {
  ctx: AdminContext;
  title: string;
  children: ComponentChildren;
}) {
  const { t, locale, session } = ctx;
  const other: Locale = locale === 'es' ? 'en' : 'es';
  const switchHref = `/idioma/${other}?volver=${encodeURIComponent(ctx.path)}`;
  const ready = session?.stage === 'ready';
  const actor = session ? actorOf(session) : null;
  const items = ready && actor ? ADMIN_NAV.filter((i) => can(actor, i.permission)) : [];
  return (
    <html lang={locale === 'es' ? 'es-CO' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} – ${t('admin.title')} – ${t('app.authorityShort')}`}</title>
        <link rel="stylesheet" href={`/assets/css/site.css?v=${ASSET_VERSION}`} />
        <link rel="stylesheet" href={`/assets/css/admin.css?v=${ASSET_VERSION}`} />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script type="module" src={`/assets/js/enhance.js?v=${ASSET_VERSION}`} />
        <script type="module" src={`/assets/js/admin.js?v=${ASSET_VERSION}`} />
      </head>
      <body class="admin">
        <a class="skip-link" href="#contenido">
          {t('layout.skip')}
        </a>
        <div class="govco-bar">
          <div class="container admin-container">
            <span class="govco-logo">GOV.CO</span>
            <span class="visually-hidden">{t('layout.govco')}</span>
          </div>
        </div>
        <header class="site-header">
          <div class="container admin-container header-inner">
            <a class="brand" href="/admin">
              <span class="brand-authority">{t('app.authorityShort')}</span>
              <span class="brand-name">{t('admin.title')}</span>
            </a>
            <div class="admin-user">
              {session ? (
                <>
                  <span class="admin-user-name">
                    {session.name}
                    <span class="admin-user-role"> ({t(`admin.role.${session.role}`)})</span>
                  </span>
                  {ready ? <a href="/admin/cuenta">{t('admin.nav.account')}</a> : null}
                  <form method="post" action="/admin/salir" class="inline-form">
                    <CsrfField token={ctx.csrf} />
                    <button type="submit" class="link-button">
                      {t('admin.nav.signOut')}
                    </button>
                  </form>
                </>
              ) : null}
              <a
                class="lang-switch"
                href={switchHref}
                lang={other === 'es' ? 'es-CO' : 'en'}
                hreflang={other}
              >
                <span aria-hidden="true">{t('layout.language')}</span>
                <span class="visually-hidden">{t('layout.languageLabel')}</span>
              </a>
            </div>
          </div>
        </header>
        {items.length > 0 ? (
          <nav class="admin-nav" aria-label={t('admin.nav.label')}>
            <div class="container admin-container">
              <ul class="admin-nav-list">
                {items.map((i) => (
                  <li>
                    <a href={i.href} aria-current={isCurrent(i.href, ctx.path) ? 'page' : undefined}>
                      {t(i.key)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        ) : null}
        <main id="contenido" class="container admin-container" tabIndex={-1}>
          {ctx.notice ? (
            <div class="notice" role="status">
              {ctx.notice}
            </div>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="container admin-container">
            <p class="footer-authority">{t('app.authority')}</p>
            <p>{t('admin.footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A table's caption-less heading row helper: the same look everywhere. */
export function Tag({ children, kind }: { children: ComponentChildren; kind?: 'ok' | 'off' | 'warn' }) {
  return <span class={`tag${kind ? ` tag-${kind}` : ''}`}>{children}</span>;
}
