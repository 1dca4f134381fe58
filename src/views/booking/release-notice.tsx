import { formatCivilDate, formatWhen } from '../../i18n/format.js';
import type { Locale, Translator } from '../../i18n/index.js';
import type { ReleaseSummary } from '../../services/releases/view.js';

/**
 * The chosen place and days belong to a draw: say so, with its window and the way to apply, so nobody
 * keeps looking for free times that will not appear (DESIGN.md §7).
 */
export function ReleaseNotices({
  t,
  locale,
  releases,
}: {
  t: Translator;
  locale: Locale;
  releases: readonly ReleaseSummary[];
}) {
  return (
    <>
      {releases.map((r) => (
        <div class="notice release-notice">
          <p>
            {t('releasePages.notice', {
              office: r.officeName,
              from: formatCivilDate(r.from, locale),
              to: formatCivilDate(r.to, locale),
              opensAt: formatWhen(r.opensAt, locale),
              closesAt: formatWhen(r.closesAt, locale),
            })}
          </p>
          <p>
            <a href={`/sorteos/${r.id}`}>
              {r.status === 'open' ? t('releasePages.notice.enter') : t('releasePages.notice.see')}
            </a>
          </p>
        </div>
      ))}
    </>
  );
}
