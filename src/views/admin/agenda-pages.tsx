import { minutesOfDay, minutesToWallTime } from '../../domain/civil-time.js';
import type { LineRow } from '../../services/agenda/access.js';
import type { LineFormOptions, LineListItem } from '../../services/agenda/capacity-lines.js';
import { type TemplateView, WEEKDAYS } from '../../services/agenda/templates.js';
import { CsrfField } from '../components/csrf-field.js';
import { DataTable } from '../components/data-table.js';
import {
  CheckboxGroup,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../components/form.js';
import { type AdminContext, AdminLayout, Tag } from './admin-layout.js';
import { ActiveTag } from './record-pages.js';

export const time = (d: Date) => minutesToWallTime(minutesOfDay(d));

function AgendaLinks({ ctx }: { ctx: AdminContext }) {
  const { t } = ctx;
  return (
    <ul class="inline-list">
      <li>
        <a href="/admin/agenda/cierres">{t('agenda.closures.title')}</a>
      </li>
      <li>
        <a href="/admin/agenda/calendario-tributario">{t('agenda.taxCalendar.title')}</a>
      </li>
    </ul>
  );
}

export function AgendaHomePage({
  ctx,
  lines,
  canManage,
}: {
  ctx: AdminContext;
  lines: LineListItem[];
  canManage: boolean;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('agenda.title')}>
      <h1>{t('agenda.title')}</h1>
      <p>{t('agenda.lead')}</p>
      <AgendaLinks ctx={ctx} />
      {canManage ? (
        <p>
          <a class="button" href="/admin/agenda/lineas/nueva">
            {t('agenda.line.new')}
          </a>
        </p>
      ) : null}
      <DataTable
        caption={t('agenda.lines')}
        showCaption
        headers={[
          t('agenda.line.name'),
          t('agenda.line.office'),
          t('agenda.line.channel'),
          t('agenda.line.procedures'),
          t('agenda.line.templates'),
          t('admin.status'),
        ]}
      >
        {lines.map((l) => (
          <tr>
            <td>
              <a href={`/admin/agenda/lineas/${l.id}`}>{l.name}</a>
            </td>
            <td>
              {l.officeCode} – {l.officeName}
            </td>
            <td>{t(`agenda.channel.${l.channel}`)}</td>
            <td>{l.procedures}</td>
            <td>{l.templates}</td>
            <td>
              <ActiveTag t={t} active={l.active} />
            </td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

export function LineFormPage({
  ctx,
  state,
  options,
}: {
  ctx: AdminContext;
  state: FormState;
  options: LineFormOptions;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('agenda.line.new')}>
      <p>
        <a class="back-link" href="/admin/agenda">
          {t('agenda.back')}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{t('agenda.line.new')}</h1>
      <form method="post" action="/admin/agenda/lineas" novalidate>
        <CsrfField token={ctx.csrf} />
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
          name="channel"
          label={t('agenda.line.channel')}
          placeholder={t('admin.choose')}
          options={options.channels.map((c) => ({ value: c, label: t(`agenda.channel.${c}`) }))}
        />
        <TextField
          t={t}
          state={state}
          name="name"
          label={t('agenda.line.name')}
          hint={t('agenda.line.nameHint')}
        />
        <CheckboxGroup
          t={t}
          state={state}
          name="procedures"
          label={t('agenda.line.procedures')}
          hint={t('agenda.line.proceduresHint')}
          options={options.procedures.map((p) => ({
            value: p.code,
            label: `${p.name} (${p.channels.map((c) => t(`agenda.channel.${c}`)).join(', ')})`,
          }))}
        />
        <SubmitButton>{t('agenda.line.create')}</SubmitButton>
      </form>
    </AdminLayout>
  );
}

export interface LinePageData {
  line: LineRow;
  procedures: string[];
  templates: TemplateView[];
  days: { date: string; slots: number; capacity: number; taken: number; reserved: number; status: string }[];
  reservations: { date: string; percent: number }[];
}

/** Editing a line, and taking it out of the agenda (after a confirmation page) or back in. */
function LineActions({ ctx, line }: { ctx: AdminContext; line: LineRow }) {
  const { t } = ctx;
  return (
    <ul class="inline-list">
      <li>
        <a href={`/admin/agenda/lineas/${line.id}/editar`}>{t('agenda.line.edit')}</a>
      </li>
      <li>
        {line.active ? (
          <a href={`/admin/agenda/lineas/${line.id}/desactivar`}>{t('agenda.line.deactivate')}</a>
        ) : (
          <form method="post" action={`/admin/agenda/lineas/${line.id}/activar`}>
            <CsrfField token={ctx.csrf} />
            <SubmitButton variant="secondary">{t('agenda.line.activate')}</SubmitButton>
          </form>
        )}
      </li>
    </ul>
  );
}

export function weekdayNames(t: AdminContext['t'], days: readonly number[]): string {
  return days.map((d) => t(`agenda.weekday.${d}`)).join(', ');
}

export function LinePage({
  ctx,
  data,
  canManage,
}: {
  ctx: AdminContext;
  data: LinePageData;
  canManage: boolean;
}) {
  const { t } = ctx;
  const { line } = data;
  return (
    <AdminLayout ctx={ctx} title={line.name}>
      <p>
        <a class="back-link" href="/admin/agenda">
          {t('agenda.back')}
        </a>
      </p>
      <h1>{line.name}</h1>
      {line.active ? null : <p class="notice notice-warning">{t('agenda.line.inactiveNotice')}</p>}
      <dl class="summary-list">
        <dt>{t('agenda.line.office')}</dt>
        <dd>
          {line.office_code} – {line.office_name}
        </dd>
        <dt>{t('agenda.line.channel')}</dt>
        <dd>{t(`agenda.channel.${line.channel}`)}</dd>
        <dt>{t('agenda.line.procedures')}</dt>
        <dd>{data.procedures.join(', ')}</dd>
        <dt>{t('admin.status')}</dt>
        <dd>
          <ActiveTag t={t} active={line.active} />
        </dd>
      </dl>
      {canManage ? <LineActions ctx={ctx} line={line} /> : null}
      <h2>{t('agenda.templates')}</h2>
      {canManage ? (
        <p>
          <a class="button" href={`/admin/agenda/lineas/${line.id}/plantillas/nueva`}>
            {t('agenda.template.new')}
          </a>
        </p>
      ) : null}
      {data.templates.length === 0 ? (
        <p>{t('agenda.template.none')}</p>
      ) : (
        <DataTable
          caption={t('agenda.templates')}
          headers={[
            t('agenda.template.name'),
            t('agenda.template.weekdays'),
            t('agenda.template.hours'),
            t('agenda.template.slotMinutes'),
            t('agenda.template.places'),
            t('agenda.template.breaks'),
            t('admin.status'),
            t('admin.actions'),
          ]}
        >
          {data.templates.map((tp) => (
            <tr>
              <td>{tp.name}</td>
              <td>{weekdayNames(t, tp.weekdays)}</td>
              <td class="nowrap">
                {tp.opens}–{tp.closes}
              </td>
              <td>{tp.slotMinutes}</td>
              <td>{tp.places}</td>
              <td>{tp.breaks.join(', ') || '—'}</td>
              <td>
                <ActiveTag t={t} active={tp.active} />
              </td>
              <td>
                <ul class="inline-list">
                  {tp.active && line.active ? (
                    <li>
                      <a href={`/admin/agenda/plantillas/${tp.id}/publicar`}>
                        {t('agenda.publish.link')}
                        <span class="visually-hidden"> {tp.name}</span>
                      </a>
                    </li>
                  ) : null}
                  {canManage ? (
                    <li>
                      <a href={`/admin/agenda/plantillas/${tp.id}/editar`}>
                        {t('admin.edit')}
                        <span class="visually-hidden"> {tp.name}</span>
                      </a>
                    </li>
                  ) : null}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {data.reservations.length > 0 ? (
        <>
          <h2>{t('agenda.reserve.list')}</h2>
          <ul>
            {data.reservations.map((r) => (
              <li>
                <a href={`/admin/agenda/lineas/${line.id}/dias/${r.date}`}>{r.date}</a>:{' '}
                {t('agenda.reserve.share', { percent: r.percent })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('agenda.days')}</h2>
      {data.days.length === 0 ? (
        <p>{t('agenda.days.none')}</p>
      ) : (
        <DataTable
          caption={t('agenda.days')}
          headers={[
            t('agenda.day.date'),
            t('agenda.day.slots'),
            t('agenda.day.capacity'),
            t('agenda.day.taken'),
            t('agenda.day.reserved'),
            t('admin.status'),
          ]}
        >
          {data.days.map((d) => (
            <tr>
              <td>
                <a href={`/admin/agenda/lineas/${line.id}/dias/${d.date}`}>{d.date}</a>
              </td>
              <td>{d.slots}</td>
              <td>{d.capacity}</td>
              <td>{d.taken}</td>
              <td>{d.reserved}</td>
              <td>
                {d.status === 'closed' ? (
                  <Tag kind="off">{t('agenda.day.closed')}</Tag>
                ) : (
                  <Tag kind="ok">{t('agenda.day.open')}</Tag>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </AdminLayout>
  );
}

/** The fields of a weekly template, the same when it is created and when it is edited. */
export function TemplateFields({ t, state }: { t: AdminContext['t']; state: FormState }) {
  return (
    <>
      <TextField t={t} state={state} name="name" label={t('agenda.template.name')} />
      <CheckboxGroup
        t={t}
        state={state}
        name="weekdays"
        label={t('agenda.template.weekdays')}
        options={WEEKDAYS.map((d) => ({ value: d, label: t(`agenda.weekday.${d}`) }))}
      />
      <TextField
        t={t}
        state={state}
        name="opens"
        label={t('agenda.template.opens')}
        hint={t('agenda.template.timeHint')}
        width="short"
      />
      <TextField
        t={t}
        state={state}
        name="closes"
        label={t('agenda.template.closes')}
        hint={t('agenda.template.timeHint')}
        width="short"
      />
      <TextField
        t={t}
        state={state}
        name="slotMinutes"
        label={t('agenda.template.slotMinutes')}
        inputMode="numeric"
        width="short"
      />
      <TextField
        t={t}
        state={state}
        name="places"
        label={t('agenda.template.places')}
        hint={t('agenda.template.placesHint')}
        inputMode="numeric"
        width="short"
      />
      <TextArea
        t={t}
        state={state}
        name="breaks"
        label={t('agenda.template.breaks')}
        hint={t('agenda.template.breaksHint')}
        rows={3}
      />
    </>
  );
}

export function TemplateFormPage({
  ctx,
  state,
  line,
}: {
  ctx: AdminContext;
  state: FormState;
  line: LineRow;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('agenda.template.new')}>
      <p>
        <a class="back-link" href={`/admin/agenda/lineas/${line.id}`}>
          {t('agenda.backToLine', { name: line.name })}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{t('agenda.template.new')}</h1>
      <p>{line.name}</p>
      <form method="post" action={`/admin/agenda/lineas/${line.id}/plantillas`} novalidate>
        <CsrfField token={ctx.csrf} />
        <TemplateFields t={t} state={state} />
        <SubmitButton>{t('agenda.template.create')}</SubmitButton>
      </form>
    </AdminLayout>
  );
}
