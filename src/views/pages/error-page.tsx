import { type Locale, translator } from '../../i18n/index.js';
import type { SiteTexts } from '../../services/catalogue/site-texts.js';
import { Layout } from '../layout.js';
import { renderDocument } from '../render.js';
import { SiteTextsContext } from '../site-texts-context.js';

function ErrorPage({
  locale,
  status,
  message,
}: {
  locale: Locale;
  status: number;
  message?: string | undefined;
}) {
  const t = translator(locale);
  const title = status === 404 ? t('error.pageNotFound.title') : t('error.page.title');
  const body =
    message ??
    (status === 404
      ? t('error.pageNotFound.body')
      : status >= 500
        ? t('error.internal')
        : t('error.badRequest'));
  return (
    <Layout locale={locale} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <ul class="link-list">
        <li>
          <a href="/">{t('nav.home')}</a>
        </li>
        {status === 404 ? (
          <li>
            <a href="/tramites">{t('home.more.procedures')}</a>
          </li>
        ) : null}
        <li>
          <a href="/ayuda">{t('home.more.help')}</a>
        </li>
      </ul>
    </Layout>
  );
}

export function renderErrorPage(
  locale: Locale,
  status: number,
  message?: string,
  texts: SiteTexts | null = null,
): string {
  return renderDocument(
    <SiteTextsContext.Provider value={texts}>
      <ErrorPage locale={locale} status={status} message={message} />
    </SiteTextsContext.Provider>,
  );
}
