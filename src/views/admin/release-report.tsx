import type { Translator } from '../../i18n/index.js';
import type { StaffRelease } from '../../services/releases/back-office.js';
import type { ReleaseReport } from '../../services/releases/report.js';
import { DataTable } from '../components/data-table.js';

/** How a release went: on its page, and for all the releases of a period in the reports. */

function duration(t: Translator, ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return t('admin.releases.report.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** A release's figures in the order its page and the reports show them, each with its message key. */
function figures(t: Translator, report: ReleaseReport): [string, string | number][] {
  return [
    ['places', report.places],
    ['entries', report.entries],
    ['perDocument', report.perDocument ?? '—'],
    ['offers', report.offers],
    ['claimed', report.claimed],
    ['booked', report.booked],
    ['passedOn', report.passedOn],
    ['refilled', report.refilled],
    [
      'allClaimed',
      report.allClaimedAfterMs === null
        ? t('admin.releases.report.notYet')
        : duration(t, report.allClaimedAfterMs),
    ],
  ];
}

/** The figures of one release, as a list of terms (its page). */
export function ReleaseReportList({ t, report }: { t: Translator; report: ReleaseReport }) {
  return (
    <dl class="summary-list" id="release-report">
      {figures(t, report).map(([key, value]) => (
        <>
          <dt>{t(`admin.releases.report.${key}`)}</dt>
          <dd data-figure={key}>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/** The reports' "Sorteos" section: one row per release with all its figures. */
export function ReleasesReportSection({ t, releases }: { t: Translator; releases: StaffRelease[] }) {
  return (
    <section aria-labelledby="releases-report-title">
      <h2 id="releases-report-title">{t('admin.releases.report.section')}</h2>
      <p>{t('admin.releases.report.sectionLead')}</p>
      {releases.length === 0 ? (
        <p>{t('admin.releases.none')}</p>
      ) : (
        <ReleasesReportTable t={t} releases={releases} />
      )}
    </section>
  );
}

function ReleasesReportTable({ t, releases }: { t: Translator; releases: StaffRelease[] }) {
  const keys = releases[0] ? figures(t, releases[0].report).map(([key]) => key) : [];
  return (
    <DataTable
      caption={t('admin.releases.report.section')}
      headers={[
        t('admin.releases.col.procedure'),
        t('admin.releases.col.place'),
        ...keys.map((key) => t(`admin.releases.report.${key}`)),
      ]}
    >
      {releases.map((r) => (
        <tr>
          <td>
            <a href={`/admin/sorteos/${r.id}`}>{r.procedureName}</a>
            <br />
            {t('admin.releases.days', { from: r.from, to: r.to })}
          </td>
          <td>
            {r.officeCode} – {r.officeName}
          </td>
          {figures(t, r.report).map(([, value]) => (
            <td>{value}</td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
