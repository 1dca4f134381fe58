import type { FieldError } from '../../domain/errors.js';
import { type Locale, translator } from '../../i18n/index.js';
import type { OfferPageView } from '../../services/journey/release-pages.js';
import { ErrorSummary } from '../components/form.js';
import { Layout } from '../layout.js';
import { ActionButton, Facts } from './release-parts.js';

/**
 * /sorteos/oferta/{token}: the place a draw keeps for the person, to take (on to the usual data step)
 * or to pass on; or why it can no longer be taken.
 */
export function OfferPage({
  locale,
  path,
  offer,
  csrf,
  errors = [],
}: {
  locale: Locale;
  path: string;
  offer: OfferPageView;
  csrf: string;
  errors?: readonly FieldError[];
}) {
  const t = translator(locale);
  const open = offer.state === 'open' && errors.length === 0;
  const title = open
    ? t('releasePages.offer.title')
    : offer.state === 'declined'
      ? t('releasePages.offer.declined.title')
      : offer.state === 'booked'
        ? t('releasePages.offer.booked.title')
        : t('releasePages.offer.gone.title');
  return (
    <Layout locale={locale} title={title} path={path}>
      <ErrorSummary t={t} state={{ values: {}, errors }} />
      <h1>{title}</h1>
      <Facts
        rows={[
          { key: t('releasePages.label.procedure'), value: offer.procedure },
          { key: t('releasePages.label.when'), value: offer.when },
          { key: t('releasePages.label.where'), value: offer.place },
          open ? { key: t('releasePages.label.until'), value: offer.until } : null,
        ]}
      />
      {open ? (
        <>
          <p>{t('releasePages.offer.lead')}</p>
          <ActionButton path={path} csrf={csrf} action="tomar" label={t('releasePages.offer.claim')} />
          <p class="hint">{t('releasePages.offer.declineHint')}</p>
          <ActionButton
            path={path}
            csrf={csrf}
            action="rechazar"
            label={t('releasePages.offer.decline')}
            variant="secondary"
          />
        </>
      ) : offer.state === 'declined' ? (
        <p>{t('releasePages.offer.declined.body')}</p>
      ) : offer.state === 'booked' ? (
        <p>
          {t('releasePages.offer.booked.body')} <a href="/gestionar">{t('releasePages.offer.manage')}</a>
        </p>
      ) : (
        <p>{t('releasePages.offer.gone.body')}</p>
      )}
      <p>
        <a href={`/sorteos/${offer.releaseId}`}>{t('releasePages.list.see')}</a>
      </p>
    </Layout>
  );
}
