import type { DeadlineRow } from '../../services/agenda/tax-calendar.js';
import { CsrfField } from '../components/csrf-field.js';
import { DataTable } from '../components/data-table.js';
import { ErrorSummary, type FormState, SelectField, SubmitButton, TextField } from '../components/form.js';
import { type AdminContext, AdminLayout, Tag } from './admin-layout.js';

export interface ClosureItem {
  id: number;
  office_code: string;
  office_name: string;
  capacity_line_id: number | null;
  line_name: string | null;
  from_date: string;
  to_date: string;
  reason: string;
  cancelled_appointments: number;
  /** Rebooking passes (decision 010): places kept at closing, and people who already rebooked. */
  kept_places: number | string | null;
  rebooked: number | string | null;
}

export function ClosuresPage({
  ctx,
  state,
  closures,
  options,
  canManage,
}: {
  ctx: AdminContext;
  state: FormState;
  closures: ClosureItem[];
  options: {
    offices: { code: string; name: string }[];
    lines: { id: number; name: string; officeCode: string }[];
  };
  canManage: boolean;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('agenda.closures.title')}>
      <p>
        <a class="back-link" href="/admin/agenda">
          {t('agenda.back')}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{t('agenda.closures.title')}</h1>
      <p>{t('agenda.closures.lead')}</p>
      {closures.length === 0 ? (
        <p>{t('agenda.closures.none')}</p>
      ) : (
        <DataTable
          caption={t('agenda.closures.title')}
          headers={[
            t('agenda.line.office'),
            t('agenda.closure.line'),
            t('agenda.range.from'),
            t('agenda.range.to'),
            t('agenda.closure.reason'),
            t('agenda.closure.cancelled'),
            t('agenda.closure.kept'),
            t('agenda.closure.rebooked'),
          ]}
        >
          {closures.map((c) => (
            <tr>
              <td>
                {c.office_code} – {c.office_name}
              </td>
              <td>{c.line_name ?? t('agenda.closure.wholeOffice')}</td>
              <td>{c.from_date}</td>
              <td>{c.to_date}</td>
              <td>{c.reason}</td>
              <td>{c.cancelled_appointments}</td>
              <td>{Number(c.kept_places ?? 0)}</td>
              <td>{Number(c.rebooked ?? 0)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {canManage ? (
        <form method="post" action="/admin/agenda/cierres" class="danger-zone" novalidate>
          <CsrfField token={ctx.csrf} />
          <h2>{t('agenda.closure.new')}</h2>
          <p>{t('agenda.closure.newHint')}</p>
          <SelectField
            t={t}
            state={state}
            name="office"
            label={t('agenda.line.office')}
            placeholder={t('admin.choose')}
            options={options.offices.map((o) => ({ value: o.code, label: `${o.code} – ${o.name}` }))}
          />
          <SelectField
            t={t}
            state={state}
            name="line"
            label={t('agenda.closure.line')}
            hint={t('agenda.closure.lineHint')}
            placeholder={t('agenda.closure.wholeOffice')}
            options={options.lines.map((l) => ({
              value: String(l.id),
              label: `${l.officeCode} – ${l.name}`,
            }))}
          />
          <TextField
            t={t}
            state={state}
            name="from"
            label={t('agenda.range.from')}
            type="date"
            width="medium"
          />
          <TextField t={t} state={state} name="to" label={t('agenda.range.to')} type="date" width="medium" />
          <TextField t={t} state={state} name="reason" label={t('agenda.closure.reason')} />
          <SubmitButton variant="warning">{t('agenda.closure.submit')}</SubmitButton>
        </form>
      ) : null}
    </AdminLayout>
  );
}

/** One share for every deadline day of a range, for a line: the bulk form of the day page's reserve. */
function ReserveDeadlineDaysForm({
  ctx,
  state,
  lines,
}: {
  ctx: AdminContext;
  state: FormState;
  lines: { id: number; name: string; officeCode: string }[];
}) {
  const { t } = ctx;
  return (
    <form method="post" action="/admin/agenda/calendario-tributario/reservas" novalidate>
      <CsrfField token={ctx.csrf} />
      <h2>{t('agenda.reserveDays.title')}</h2>
      <p>{t('agenda.reserveDays.lead')}</p>
      <SelectField
        t={t}
        state={state}
        name="line"
        label={t('agenda.closure.line')}
        placeholder={t('admin.choose')}
        options={lines.map((l) => ({ value: String(l.id), label: `${l.officeCode} – ${l.name}` }))}
      />
      <TextField t={t} state={state} name="from" label={t('agenda.range.from')} type="date" width="medium" />
      <TextField t={t} state={state} name="to" label={t('agenda.range.to')} type="date" width="medium" />
      <TextField
        t={t}
        state={state}
        name="percent"
        label={t('agenda.reserve.percent')}
        hint={t('agenda.reserve.percentHint')}
        inputMode="numeric"
        width="short"
      />
      <SubmitButton>{t('agenda.reserveDays.submit')}</SubmitButton>
    </form>
  );
}

export function TaxCalendarPage({
  ctx,
  year,
  rows,
  reserve,
}: {
  ctx: AdminContext;
  year: number;
  rows: DeadlineRow[];
  /** The bulk reserve form, for those who manage agenda. */
  reserve?: { state: FormState; lines: { id: number; name: string; officeCode: string }[] } | undefined;
}) {
  const { t } = ctx;
  const disagreements = rows.filter((r) => r.ruleDate !== null).length;
  return (
    <AdminLayout ctx={ctx} title={t('agenda.taxCalendar.title')}>
      <p>
        <a class="back-link" href="/admin/agenda">
          {t('agenda.back')}
        </a>
      </p>
      {reserve ? <ErrorSummary t={t} state={reserve.state} /> : null}
      <h1>{t('agenda.taxCalendar.title')}</h1>
      <p>{t('agenda.taxCalendar.lead')}</p>
      {reserve ? <ReserveDeadlineDaysForm ctx={ctx} state={reserve.state} lines={reserve.lines} /> : null}
      <form method="get" action="/admin/agenda/calendario-tributario" class="filters" novalidate>
        <TextField
          t={t}
          state={{ values: { anio: String(year) }, errors: [] }}
          name="anio"
          label={t('agenda.taxCalendar.year')}
          inputMode="numeric"
          width="short"
        />
        <button class="button button-secondary" type="submit">
          {t('agenda.taxCalendar.show')}
        </button>
      </form>
      {disagreements > 0 ? (
        <p class="notice notice-warning">{t('agenda.taxCalendar.disagree', { count: disagreements })}</p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('agenda.taxCalendar.none', { year })}</p>
      ) : (
        <DataTable
          caption={t('agenda.taxCalendar.caption', { year })}
          showCaption
          headers={[
            t('agenda.taxCalendar.date'),
            t('agenda.taxCalendar.obligation'),
            t('agenda.taxCalendar.period'),
            t('agenda.taxCalendar.digits'),
            t('agenda.taxCalendar.source'),
          ]}
        >
          {rows.map((r) => (
            <tr>
              <td>{r.dueDate}</td>
              <td>{t(`agenda.obligation.${r.obligation}`)}</td>
              <td>{r.period}</td>
              <td>{r.lastDigits}</td>
              <td>
                {t(`agenda.source.${r.source}`)}
                {r.ruleDate ? (
                  <>
                    {' '}
                    <Tag kind="warn">{t('agenda.taxCalendar.ruleSays', { date: r.ruleDate })}</Tag>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </AdminLayout>
  );
}
