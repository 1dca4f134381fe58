import type { Translator } from '../../i18n/index.js';
import type { StaffRelease } from '../../services/releases/back-office.js';
import {
  type Cell,
  REPORTS,
  type ReportFilters,
  type ReportResult,
  type ReportSlug,
  type ReportTable,
} from '../../services/reports/reports.js';
import { Chart } from '../components/chart.js';
import { ErrorSummary, type FormState, SelectField, TextField } from '../components/form.js';
import { type AdminContext, AdminLayout } from './admin-layout.js';
import { ReleasesReportSection } from './release-report.js';

const REPORTS_PATH = '/admin/informes';

/** The filters as a query string, so moving between reports and to the CSV keeps them. */
function filterQuery(filters: ReportFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ desde: filters.from, hasta: filters.to });
  if (filters.seccional) params.set('seccional', filters.seccional);
  if (filters.office) params.set('oficina', filters.office);
  if (filters.procedure) params.set('tramite', filters.procedure);
  if (filters.channel) params.set('canal', filters.channel);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

/** A cell as the table and the CSV both show it: the totals row starts with a message key. */
function cellText(t: Translator, cell: Cell, index: number, isTotals: boolean): string {
  if (isTotals && index === 0 && typeof cell === 'string') return t(cell);
  return String(cell);
}

/** The table's rows as text: heading, rows, totals (what the CSV holds, cell for cell). */
export function tableText(t: Translator, report: ReportTable): string[][] {
  return [
    report.columns.map((c) => t(c)),
    ...report.rows.map((r) => r.map((c, i) => cellText(t, c, i, false))),
    ...(report.totals ? [report.totals.map((c, i) => cellText(t, c, i, true))] : []),
  ];
}

function FilterForm({
  ctx,
  result,
  action,
}: {
  ctx: AdminContext;
  result: Omit<ReportResult, 'report'>;
  action: string;
}) {
  const { t } = ctx;
  const f = result.filters;
  const state: FormState = {
    values: {
      desde: f.from,
      hasta: f.to,
      seccional: f.seccional ?? '',
      oficina: f.office ?? '',
      tramite: f.procedure ?? '',
      canal: f.channel ?? '',
    },
    errors: result.errors,
  };
  const o = result.options;
  return (
    <form method="get" action={action} class="filters" novalidate>
      <TextField
        t={t}
        state={state}
        name="desde"
        label={t('admin.reports.from')}
        type="date"
        width="medium"
      />
      <TextField t={t} state={state} name="hasta" label={t('admin.reports.to')} type="date" width="medium" />
      <SelectField
        t={t}
        state={state}
        name="seccional"
        label={t('admin.reports.seccional')}
        placeholder={t('admin.reports.all')}
        options={o.seccionales.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))}
      />
      <SelectField
        t={t}
        state={state}
        name="oficina"
        label={t('admin.reports.office')}
        placeholder={t('admin.reports.all')}
        options={o.offices.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))}
      />
      <SelectField
        t={t}
        state={state}
        name="tramite"
        label={t('admin.reports.procedure')}
        placeholder={t('admin.reports.all')}
        options={o.procedures.map((p) => ({ value: p.code, label: p.name }))}
      />
      <SelectField
        t={t}
        state={state}
        name="canal"
        label={t('admin.reports.channel')}
        placeholder={t('admin.reports.all')}
        options={o.channels.map((c) => ({ value: c, label: t(`admin.channelName.${c}`) }))}
      />
      <button class="button button-secondary" type="submit">
        {t('admin.reports.apply')}
      </button>
    </form>
  );
}

function ReportNav({
  ctx,
  filters,
  current,
}: {
  ctx: AdminContext;
  filters: ReportFilters;
  current: ReportSlug | null;
}) {
  const { t } = ctx;
  return (
    <nav aria-label={t('admin.reports.navLabel')}>
      <ul class="report-nav">
        {REPORTS.map((slug) => (
          <li>
            <a
              href={`${REPORTS_PATH}/${slug}?${filterQuery(filters)}`}
              aria-current={slug === current ? 'page' : undefined}
            >
              {t(`admin.reports.${slug}.title`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function FiguresTable({ t, report, caption }: { t: Translator; report: ReportTable; caption: string }) {
  const numeric = report.columns.map((_, i) =>
    report.rows.some((r) => typeof r[i] === 'number' || /^\d+(\.\d+)?$/.test(String(r[i]))),
  );
  const cls = (i: number) => (i > 0 && numeric[i] ? 'number' : undefined);
  return (
    <div class="table-wrap">
      <table class="table report-figures" id={`tabla-${report.slug}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {report.columns.map((c, i) => (
              <th scope="col" class={cls(i)}>
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr>
              {r.map((c, i) =>
                i === 0 ? (
                  <th scope="row">{cellText(t, c, i, false)}</th>
                ) : (
                  <td class={cls(i)}>{cellText(t, c, i, false)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {report.totals ? (
          <tfoot>
            <tr>
              {report.totals.map((c, i) =>
                i === 0 ? (
                  <th scope="row">{cellText(t, c, i, true)}</th>
                ) : (
                  <td class={cls(i)}>{cellText(t, c, i, true)}</td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function chartDescription(t: Translator, report: ReportTable, labels: string[]): string {
  const names = report.chart.series.map((s) => t(report.columns[s] ?? '')).join(', ');
  if (labels.length === 0) return t('admin.reports.chart.empty');
  return t('admin.reports.chart.desc', {
    series: names,
    count: labels.length,
    first: labels[0] ?? '',
    last: labels[labels.length - 1] ?? '',
  });
}

function ReportChart({ t, report, title }: { t: Translator; report: ReportTable; title: string }) {
  const rows = report.chart.limit ? report.rows.slice(0, report.chart.limit) : report.rows;
  const labels = rows.map((r) => String(r[report.chart.label] ?? ''));
  const series = report.chart.series.map((col) => ({
    name: t(report.columns[col] ?? ''),
    values: rows.map((r) => {
      const v = r[col];
      return typeof v === 'number' ? v : v === '' || v === undefined ? null : Number(v);
    }),
  }));
  return (
    <Chart
      id={`grafico-${report.slug}`}
      kind={report.chart.kind}
      title={title}
      description={chartDescription(t, report, labels)}
      labels={labels}
      series={series}
    />
  );
}

export function ReportsIndexPage({
  ctx,
  result,
  releases,
}: {
  ctx: AdminContext;
  result: Omit<ReportResult, 'report'>;
  /** The draws of the viewer's offices in the period and filters chosen. */
  releases: StaffRelease[];
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.reports.title')}>
      <ErrorSummary t={t} state={{ values: {}, errors: result.errors }} />
      <h1>{t('admin.reports.title')}</h1>
      <p>{t('admin.reports.lead')}</p>
      <FilterForm ctx={ctx} result={result} action={REPORTS_PATH} />
      <ul class="report-list">
        {REPORTS.map((slug) => (
          <li>
            <a href={`${REPORTS_PATH}/${slug}?${filterQuery(result.filters)}`}>
              {t(`admin.reports.${slug}.title`)}
            </a>
            : {t(`admin.reports.${slug}.lead`)}
          </li>
        ))}
      </ul>
      <ReleasesReportSection t={t} releases={releases} />
      <p>{t('admin.reports.privacy')}</p>
    </AdminLayout>
  );
}

export function ReportPage({
  ctx,
  slug,
  result,
}: {
  ctx: AdminContext;
  slug: ReportSlug;
  result: ReportResult;
}) {
  const { t } = ctx;
  const title = t(`admin.reports.${slug}.title`);
  const path = `${REPORTS_PATH}/${slug}`;
  const report = result.report;
  const period = t('admin.reports.period', { from: result.filters.from, to: result.filters.to });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <ErrorSummary t={t} state={{ values: {}, errors: result.errors }} />
      <p>
        <a href={`${REPORTS_PATH}?${filterQuery(result.filters)}`}>{t('admin.reports.back')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t(`admin.reports.${slug}.lead`)}</p>
      <ReportNav ctx={ctx} filters={result.filters} current={slug} />
      <FilterForm ctx={ctx} result={result} action={path} />
      {report ? (
        <>
          <h2>{period}</h2>
          <ReportChart t={t} report={report} title={`${title}. ${period}`} />
          <FiguresTable t={t} report={report} caption={`${title}. ${period}`} />
          <p>
            <a href={`${path}?${filterQuery(result.filters, { formato: 'csv' })}`} download>
              {t('admin.reports.csv')}
            </a>
          </p>
          <p class="hint">{t(`admin.reports.${slug}.method`)}</p>
        </>
      ) : null}
    </AdminLayout>
  );
}
