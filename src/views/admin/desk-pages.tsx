import type { DeskAppointment } from '../../services/desk/desk.js';
import { CsrfField } from '../components/csrf-field.js';
import { DataTable } from '../components/data-table.js';
import { ErrorSummary, type FormState, fieldId, TextField } from '../components/form.js';
import { type AdminContext, AdminLayout, Tag } from './admin-layout.js';
import { time } from './agenda-pages.js';
import { bogotaDateTime } from './format.js';

const ACTIONS_FOR: Record<string, readonly ('check-in' | 'attended' | 'no-show')[]> = {
  booked: ['check-in', 'attended', 'no-show'],
  checked_in: ['attended', 'no-show'],
};

function Contact({ ctx, a }: { ctx: AdminContext; a: DeskAppointment }) {
  const { t } = ctx;
  if (a.channel === 'video' && a.videoUrl) {
    return (
      <a href={a.videoUrl} rel="noopener noreferrer">
        {t('desk.video.join')}
        <span class="visually-hidden"> {a.code}</span>
      </a>
    );
  }
  if (a.channel === 'telefono') return <a href={`tel:${a.phone}`}>{a.phone}</a>;
  if (a.channel === 'correo') return <a href={`mailto:${a.email}`}>{a.email}</a>;
  return <>{t('desk.inPerson')}</>;
}

export function DeskPage({
  ctx,
  date,
  search,
  items,
  state,
}: {
  ctx: AdminContext;
  date: string;
  search: string;
  items: DeskAppointment[];
  state: FormState;
}) {
  const { t } = ctx;
  const title = search ? t('desk.searchTitle', { search }) : t('desk.title', { date });
  const back = search ? `/admin/mesa?fecha=${date}` : `/admin/mesa?fecha=${date}`;
  return (
    <AdminLayout ctx={ctx} title={t('desk.heading')}>
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      <form method="get" action="/admin/mesa" class="filters" novalidate>
        <TextField
          t={t}
          state={{ values: { fecha: date }, errors: [] }}
          name="fecha"
          label={t('desk.date')}
          type="date"
          width="medium"
        />
        <button class="button button-secondary" type="submit">
          {t('desk.show')}
        </button>
      </form>
      <form method="get" action="/admin/mesa" class="filters" novalidate>
        <TextField
          t={t}
          state={{ values: { buscar: search }, errors: [] }}
          name="buscar"
          label={t('desk.search')}
          hint={t('desk.searchHint')}
          width="medium"
        />
        <button class="button button-secondary" type="submit">
          {t('desk.searchButton')}
        </button>
      </form>
      {search ? (
        <p>
          <a href={back}>{t('desk.backToDay')}</a>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{search ? t('desk.noResults') : t('desk.none')}</p>
      ) : (
        <DataTable
          caption={title}
          headers={[
            t('desk.time'),
            t('desk.procedure'),
            t('desk.person'),
            t('desk.contact'),
            t('admin.status'),
            t('admin.actions'),
          ]}
        >
          {items.map((a) => (
            <tr id={`cita-${a.code}`}>
              <td class="nowrap">
                {search ? bogotaDateTime(a.startsAt) : `${time(a.startsAt)}–${time(a.endsAt)}`}
                <br />
                <code>{a.code}</code>
              </td>
              <td>
                {a.procedureName}
                <br />
                {t(`agenda.channel.${a.channel}`)} · {a.officeCode}
              </td>
              <td>
                {a.personName}
                <br />
                {a.document}
              </td>
              <td>
                <Contact ctx={ctx} a={a} />
              </td>
              <td>
                <Tag kind={a.status === 'attended' ? 'ok' : a.status === 'no_show' ? 'off' : 'warn'}>
                  {t(`desk.status.${a.status}`)}
                </Tag>
              </td>
              <td>
                <div class="desk-actions" id={fieldId(`actions-${a.code}`)} tabIndex={-1}>
                  {(ACTIONS_FOR[a.status] ?? []).map((action) => (
                    <form method="post" action={`/admin/mesa/${a.code}/${action}`}>
                      <CsrfField token={ctx.csrf} />
                      <input type="hidden" name="volver" value={ctx.path} />
                      <button class="button button-secondary" type="submit">
                        {t(`desk.action.${action}`)}
                        <span class="visually-hidden"> {a.code}</span>
                      </button>
                    </form>
                  ))}
                  <form method="post" action={`/admin/mesa/${a.code}/nota`} class="desk-note">
                    <CsrfField token={ctx.csrf} />
                    <input type="hidden" name="volver" value={ctx.path} />
                    <label class="label" for={fieldId(`note-${a.code}`)}>
                      {t('desk.note')}
                      <span class="visually-hidden"> {a.code}</span>
                    </label>
                    <textarea class="textarea" id={fieldId(`note-${a.code}`)} name="note" rows={2}>
                      {a.note ?? ''}
                    </textarea>
                    <button class="button button-secondary" type="submit">
                      {t('desk.saveNote')}
                      <span class="visually-hidden"> {a.code}</span>
                    </button>
                  </form>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </AdminLayout>
  );
}
