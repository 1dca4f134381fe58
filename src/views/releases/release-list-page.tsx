import { type Locale, translator } from '../../i18n/index.js';
import type { ReleaseBoard } from '../../services/journey/release-pages.js';
import { Layout } from '../layout.js';
import { daysText, Facts, statusText, windowText } from './release-parts.js';

/** /sorteos: the releases upcoming, open and drawn lately, filterable by procedure (a GET form). */
export function ReleaseListPage({
  locale,
  board,
  procedure,
}: {
  locale: Locale;
  board: ReleaseBoard;
  procedure: string | undefined;
}) {
  const t = translator(locale);
  const path = procedure ? `/sorteos?tramite=${encodeURIComponent(procedure)}` : '/sorteos';
  return (
    <Layout locale={locale} title={t('releasePages.list.title')} path={path}>
      <h1>{t('releasePages.list.title')}</h1>
      <p class="lead">{t('releasePages.list.lead')}</p>
      <form method="get" action="/sorteos" class="journey-filter">
        <label class="label" for="field-tramite">
          {t('releasePages.list.procedure')}
        </label>
        <select class="select" id="field-tramite" name="tramite">
          <option value="">{t('releasePages.list.allProcedures')}</option>
          {board.procedures.map((p) => (
            <option value={p.code} selected={p.code === procedure}>
              {p.name}
            </option>
          ))}
        </select>
        <button class="button button-secondary" type="submit">
          {t('releasePages.list.filter')}
        </button>
      </form>
      {board.items.length === 0 ? (
        <p>{t('releasePages.list.none')}</p>
      ) : (
        <ul class="release-list">
          {board.items.map((r) => (
            <li>
              <h2>
                <a href={`/sorteos/${r.id}`}>{`${r.procedureName} – ${r.officeName}`}</a>
              </h2>
              <Facts
                rows={[
                  { key: t('releasePages.label.channel'), value: r.channelName },
                  { key: t('releasePages.label.days'), value: daysText(t, locale, r.from, r.to) },
                  {
                    key: t('releasePages.label.window'),
                    value: windowText(t, locale, r.opensAt, r.closesAt),
                  },
                  { key: t('releasePages.label.status'), value: statusText(t, r.status) },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
