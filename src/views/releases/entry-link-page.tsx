import type { FieldError } from '../../domain/errors.js';
import { formatCivilDate, formatWhen } from '../../i18n/format.js';
import { type Locale, type Translator, translator } from '../../i18n/index.js';
import type { EntryPageView } from '../../services/journey/release-pages.js';
import { ErrorSummary } from '../components/form.js';
import { Layout } from '../layout.js';
import { ActionButton, daysText, Facts, statusText } from './release-parts.js';

/** What the entry's state means for the person, after the draw with their number and place. */
function Outcome({ t, locale, entry }: { t: Translator; locale: Locale; entry: EntryPageView }) {
  if (entry.status === 'withdrawn') return <p>{t('releasePages.entry.withdrawn')}</p>;
  if (entry.status === 'replaced') return <p>{t('releasePages.entry.replaced')}</p>;
  const drawnOrClosed = entry.releaseStatus === 'drawn' || entry.releaseStatus === 'closed';
  if (entry.status === 'pending')
    return <p>{t(drawnOrClosed ? 'releasePages.entry.notDrawn' : 'releasePages.entry.pending')}</p>;
  const offer = entry.offer;
  return (
    <>
      {entry.position ? (
        <p class="notice" id="entry-position">
          {t('releasePages.entry.position', { position: entry.position })}
        </p>
      ) : (
        <p>{t('releasePages.entry.confirmed')}</p>
      )}
      {offer && (offer.status === 'offered' || offer.status === 'claimed') ? (
        <p>
          {t('releasePages.entry.offered', {
            when: formatWhen(offer.startsAt, locale),
            until: formatWhen(offer.expiresAt, locale),
          })}
        </p>
      ) : offer?.status === 'booked' ? (
        <p>{t('releasePages.entry.booked')}</p>
      ) : entry.releaseStatus === 'drawn' ? (
        <p>{t('releasePages.entry.waiting')}</p>
      ) : null}
    </>
  );
}

/**
 * /sorteos/inscripcion/{token}: the entry behind the e-mail's link. Opening it changes nothing (mail
 * scanners open links): confirming and withdrawing are buttons that post.
 */
export function EntryLinkPage({
  locale,
  path,
  entry,
  csrf,
  errors = [],
}: {
  locale: Locale;
  path: string;
  entry: EntryPageView;
  csrf: string;
  errors?: readonly FieldError[];
}) {
  const t = translator(locale);
  const title = t(`releasePages.entry.title.${entry.status}`);
  const active = entry.status === 'pending' || entry.status === 'confirmed';
  const canConfirm = entry.status === 'pending' && entry.releaseStatus === 'open';
  const offerDecided = entry.offer?.status === 'booked';
  return (
    <Layout locale={locale} title={title} path={path}>
      <ErrorSummary t={t} state={{ values: {}, errors }} />
      <h1>{title}</h1>
      <Facts
        rows={[
          { key: t('releasePages.label.procedure'), value: entry.procedureName },
          { key: t('releasePages.label.office'), value: entry.officeName },
          { key: t('releasePages.label.days'), value: daysText(t, locale, entry.from, entry.to) },
          {
            key: t('releasePages.label.preferredDays'),
            value: entry.dates?.length
              ? entry.dates.map((d) => formatCivilDate(d, locale)).join('; ')
              : t('releasePages.anyDay'),
          },
          {
            key: t('releasePages.label.partOfDay'),
            value: t(`releasePages.part.${entry.partOfDay ?? 'any'}`),
          },
          { key: t('releasePages.label.draw'), value: formatWhen(entry.closesAt, locale) },
          { key: t('releasePages.label.status'), value: statusText(t, entry.releaseStatus) },
        ]}
      />
      <Outcome t={t} locale={locale} entry={entry} />
      {canConfirm ? (
        <ActionButton path={path} csrf={csrf} action="confirmar" label={t('releasePages.entry.confirm')} />
      ) : null}
      {active && !offerDecided ? (
        <>
          <p class="hint">{t('releasePages.entry.withdrawHint')}</p>
          <ActionButton
            path={path}
            csrf={csrf}
            action="retirar"
            label={t('releasePages.entry.withdraw')}
            variant="warning"
          />
        </>
      ) : null}
      <p>
        <a href={`/sorteos/${entry.releaseId}`}>{t('releasePages.list.see')}</a>
      </p>
    </Layout>
  );
}
