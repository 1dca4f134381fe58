import type { LineRow } from '../../services/agenda/access.js';
import type { PublicationPlan } from '../../services/agenda/publish.js';
import type { DeadlineRow } from '../../services/agenda/tax-calendar.js';
import type { TemplateView } from '../../services/agenda/templates.js';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary, type FormState, SelectField, SubmitButton, TextField } from '../components/form.js';
import { weekdayNames } from './agenda-pages.js';
import { type AdminContext, AdminLayout, Tag } from './layout.js';

/**
 * Publishing a template: choose a range, see exactly what it creates (GET, nothing changes), then
 * publish that same range (POST).
 */
export function PublishPage({
  ctx,
  state,
  line,
  template,
  plan,
  canManage,
}: {
  ctx: AdminContext;
  state: FormState;
  line: LineRow;
  template: TemplateView;
  plan: PublicationPlan | null;
  canManage: boolean;
}) {
  const { t } = ctx;
  const title = t('agenda.publish.title', { name: template.name });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a class="back-link" href={`/admin/agenda/lineas/${line.id}`}>
          {t('agenda.backToLine', { name: line.name })}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      <p>
        {weekdayNames(t, template.weekdays)}, {template.opens}–{template.closes};{' '}
        {t('agenda.publish.shape', { minutes: template.slotMinutes, places: template.places })}
      </p>
      <form
        method="get"
        action={`/admin/agenda/plantillas/${template.id}/publicar`}
        class="filters"
        novalidate
      >
        <TextField
          t={t}
          state={state}
          name="from"
          label={t('agenda.range.from')}
          type="date"
          width="medium"
        />
        <TextField t={t} state={state} name="to" label={t('agenda.range.to')} type="date" width="medium" />
        <button class="button button-secondary" type="submit">
          {t('agenda.publish.preview')}
        </button>
      </form>
      {plan ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t('agenda.publish.previewTitle', { from: plan.from, to: plan.to })}</h2>
          <p id="preview-totals">
            {t('agenda.publish.totals', {
              slots: plan.newSlots,
              places: plan.newPlaces,
              existing: plan.alreadyPublished,
            })}
          </p>
          {plan.days.length > 0 ? (
            <div class="table-wrap">
              <table class="table" id="preview-days">
                <caption class="visually-hidden">
                  {t('agenda.publish.previewTitle', { from: plan.from, to: plan.to })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agenda.day.date')}</th>
                    <th scope="col">{t('agenda.day.slots')}</th>
                    <th scope="col">{t('agenda.day.capacity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.days.map((d) => (
                    <tr>
                      <td>{d.date}</td>
                      <td>{d.slots}</td>
                      <td>{d.places}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {plan.skipped.length > 0 ? (
            <>
              <h3>{t('agenda.publish.skipped')}</h3>
              <ul id="preview-skipped">
                {plan.skipped.map((s) => (
                  <li>
                    {s.date}: {t(`agenda.publish.skipped.${s.reason}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {canManage && plan.newSlots > 0 ? (
            <form method="post" action={`/admin/agenda/plantillas/${template.id}/publicar`}>
              <CsrfField token={ctx.csrf} />
              <input type="hidden" name="from" value={plan.from} />
              <input type="hidden" name="to" value={plan.to} />
              <SubmitButton>{t('agenda.publish.submit', { slots: plan.newSlots })}</SubmitButton>
            </form>
          ) : null}
        </section>
      ) : null}
    </AdminLayout>
  );
}

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
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{t('agenda.closures.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agenda.line.office')}</th>
                <th scope="col">{t('agenda.closure.line')}</th>
                <th scope="col">{t('agenda.range.from')}</th>
                <th scope="col">{t('agenda.range.to')}</th>
                <th scope="col">{t('agenda.closure.reason')}</th>
                <th scope="col">{t('agenda.closure.cancelled')}</th>
              </tr>
            </thead>
            <tbody>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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

export function TaxCalendarPage({
  ctx,
  year,
  rows,
}: {
  ctx: AdminContext;
  year: number;
  rows: DeadlineRow[];
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
      <h1>{t('agenda.taxCalendar.title')}</h1>
      <p>{t('agenda.taxCalendar.lead')}</p>
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
        <div class="table-wrap">
          <table class="table">
            <caption>{t('agenda.taxCalendar.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agenda.taxCalendar.date')}</th>
                <th scope="col">{t('agenda.taxCalendar.obligation')}</th>
                <th scope="col">{t('agenda.taxCalendar.period')}</th>
                <th scope="col">{t('agenda.taxCalendar.digits')}</th>
                <th scope="col">{t('agenda.taxCalendar.source')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}
