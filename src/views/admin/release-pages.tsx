import type { Translator } from '../../i18n/index.js';
import type { StaffRelease } from '../../services/releases/back-office.js';
import { CsrfField } from '../components/csrf-field.js';
import { DataTable } from '../components/data-table.js';
import { ErrorSummary, type FormState, SelectField, SubmitButton, TextField } from '../components/form.js';
import { type AdminContext, AdminLayout, Tag } from './admin-layout.js';
import { WindowFields } from './agenda-publish-pages.js';
import { bogotaDateTime } from './format.js';
import { ReleaseReportList } from './release-report.js';

/** The back office of releases under /admin/sorteos: the list, the creation form, one release's page. */

const STATUS_KIND = { upcoming: 'warn', open: 'ok', closed: 'warn', drawn: 'off' } as const;

function StatusTag({ t, release }: { t: Translator; release: StaffRelease }) {
  return <Tag kind={STATUS_KIND[release.status]}>{t(`admin.releases.status.${release.status}`)}</Tag>;
}

/** The releases as one table: on the list page and in the reports' "Sorteos" section. */
export function ReleasesTable({
  t,
  releases,
  caption,
}: {
  t: Translator;
  releases: StaffRelease[];
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      headers={[
        t('admin.releases.col.procedure'),
        t('admin.releases.col.status'),
        t('admin.releases.col.place'),
        t('admin.releases.col.days'),
        t('admin.releases.col.window'),
        t('admin.releases.col.places'),
        t('admin.releases.col.entries'),
        t('admin.releases.report.claimed'),
      ]}
    >
      {releases.map((r) => (
        <tr>
          <td>
            <a href={`/admin/sorteos/${r.id}`}>{r.procedureName}</a>
          </td>
          <td>
            <StatusTag t={t} release={r} />
          </td>
          <td>
            {r.lineName} ({r.officeCode} – {r.officeName})
          </td>
          <td>{t('admin.releases.days', { from: r.from, to: r.to })}</td>
          <td>
            {t('admin.releases.window', {
              opens: bogotaDateTime(r.opensAt),
              closes: bogotaDateTime(r.closesAt),
            })}
          </td>
          <td>{r.report.places}</td>
          <td>{r.report.entries}</td>
          <td>{r.report.claimed}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function ReleasesPage({
  ctx,
  releases,
  canManage,
}: {
  ctx: AdminContext;
  releases: StaffRelease[];
  canManage: boolean;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.releases.title')}>
      <h1>{t('admin.releases.title')}</h1>
      <p>{t('admin.releases.lead')}</p>
      {canManage ? (
        <p>
          <a class="button" href="/admin/sorteos/nuevo">
            {t('admin.releases.new')}
          </a>
        </p>
      ) : null}
      {releases.length === 0 ? (
        <p>{t('admin.releases.none')}</p>
      ) : (
        <ReleasesTable t={t} releases={releases} caption={t('admin.releases.title')} />
      )}
    </AdminLayout>
  );
}

export interface ReleasableLine {
  id: number;
  name: string;
  officeName: string;
  procedures: { code: string; name: string }[];
}

export function ReleaseFormPage({
  ctx,
  state,
  lines,
}: {
  ctx: AdminContext;
  state: FormState;
  lines: ReleasableLine[];
}) {
  const { t } = ctx;
  const several = lines.filter((l) => l.procedures.length > 1);
  return (
    <AdminLayout ctx={ctx} title={t('admin.releases.new')}>
      <p>
        <a class="back-link" href="/admin/sorteos">
          {t('admin.releases.back')}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{t('admin.releases.new')}</h1>
      <p>{t('admin.releases.newLead')}</p>
      <form method="post" action="/admin/sorteos" novalidate>
        <CsrfField token={ctx.csrf} />
        <SelectField
          t={t}
          state={state}
          name="lineId"
          label={t('admin.releases.field.line')}
          placeholder={t('admin.releases.field.choose')}
          options={lines.map((l) => ({
            value: String(l.id),
            label: t('admin.releases.field.lineOption', { office: l.officeName, line: l.name }),
          }))}
        />
        {several.length > 0 ? (
          <SelectField
            t={t}
            state={state}
            name="procedure"
            label={t('admin.releases.field.procedure')}
            hint={t('admin.releases.field.procedureHint')}
            placeholder={t('admin.releases.field.choose')}
            options={[...new Map(several.flatMap((l) => l.procedures).map((p) => [p.code, p])).values()].map(
              (p) => ({ value: p.code, label: p.name }),
            )}
          />
        ) : null}
        <TextField
          t={t}
          state={state}
          name="from"
          label={t('admin.releases.field.from')}
          type="date"
          width="medium"
        />
        <TextField
          t={t}
          state={state}
          name="to"
          label={t('admin.releases.field.to')}
          type="date"
          width="medium"
        />
        <WindowFields ctx={ctx} state={state} />
        <SubmitButton>{t('admin.releases.create')}</SubmitButton>
      </form>
    </AdminLayout>
  );
}

export function ReleasePage({ ctx, release }: { ctx: AdminContext; release: StaffRelease }) {
  const { t } = ctx;
  const title = t('admin.releases.detail', { procedure: release.procedureName, office: release.officeName });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a class="back-link" href="/admin/sorteos">
          {t('admin.releases.back')}
        </a>
      </p>
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{t('admin.releases.col.status')}</dt>
        <dd>
          <StatusTag t={t} release={release} />
        </dd>
        <dt>{t('admin.releases.col.place')}</dt>
        <dd>
          <a href={`/admin/agenda/lineas/${release.lineId}`}>{release.lineName}</a> ({release.officeCode} –{' '}
          {release.officeName})
        </dd>
        <dt>{t('admin.releases.col.days')}</dt>
        <dd>{t('admin.releases.days', { from: release.from, to: release.to })}</dd>
        <dt>{t('admin.releases.col.window')}</dt>
        <dd>
          {t('admin.releases.window', {
            opens: bogotaDateTime(release.opensAt),
            closes: bogotaDateTime(release.closesAt),
          })}
        </dd>
        {release.drawnAt ? (
          <>
            <dt>{t('admin.releases.drawnAt')}</dt>
            <dd>{bogotaDateTime(release.drawnAt)}</dd>
          </>
        ) : null}
        <dt>{t('admin.releases.seedHash')}</dt>
        <dd>
          <code class="seed-hash">{release.seedHash}</code>
        </dd>
      </dl>
      <p>
        <a href={`/sorteos/${release.id}`}>{t('admin.releases.publicPage')}</a>
      </p>
      <h2>{t('admin.releases.report.title')}</h2>
      <ReleaseReportList t={t} report={release.report} />
      <p class="hint">{t('admin.releases.report.method')}</p>
    </AdminLayout>
  );
}
