import { type Locale, translator } from '../../i18n/index.js';
import { Layout } from '../layout.js';
import { renderDocument } from '../render.js';

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
      <p>
        <a href="/">{t('app.name')}</a>
      </p>
    </Layout>
  );
}

export function renderErrorPage(locale: Locale, status: number, message?: string): string {
  return renderDocument(<ErrorPage locale={locale} status={status} message={message} />);
}
