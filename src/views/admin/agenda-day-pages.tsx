import type { LineRow } from '../../services/agenda/access.js';
import type { DaySlot } from '../../services/agenda/slots.js';
import { CsrfField } from '../components/csrf-field.js';
import { DataTable } from '../components/data-table.js';
import { ErrorSummary, type FormState, SelectField, SubmitButton, TextField } from '../components/form.js';
import { type AdminContext, AdminLayout, Tag } from './admin-layout.js';
import { time } from './agenda-pages.js';

export function DayPage({
  ctx,
  data,
  reserveState,
  closeState,
  canManage,
}: {
  ctx: AdminContext;
  data: {
    line: LineRow;
    date: string;
    slots: DaySlot[];
    reservationPercent: number | null;
    isDeadlineDay: boolean;
  };
  reserveState: FormState;
  closeState: FormState;
  canManage: boolean;
}) {
  const { t } = ctx;
  const { line } = data;
  const title = t('agenda.day.title', { date: data.date });
  const errors: FormState = { values: {}, errors: [...reserveState.errors, ...closeState.errors] };
  const closed = data.slots.length > 0 && data.slots.every((s) => s.status === 'closed');
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a class="back-link" href={`/admin/agenda/lineas/${line.id}`}>
          {t('agenda.backToLine', { name: line.name })}
        </a>
      </p>
      <ErrorSummary t={t} state={errors} />
      <h1>{title}</h1>
      <p>{line.name}</p>
      {data.slots.length === 0 ? (
        <p>{t('agenda.day.noSlots')}</p>
      ) : (
        <DataTable
          caption={title}
          headers={[
            t('agenda.slot.time'),
            t('agenda.day.capacity'),
            t('agenda.day.taken'),
            t('agenda.day.reserved'),
            t('admin.status'),
            canManage ? t('admin.actions') : null,
          ]}
        >
          {data.slots.map((s) => (
            <tr>
              <td class="nowrap">
                {time(s.startsAt)}–{time(s.endsAt)}
              </td>
              <td>{s.capacity}</td>
              <td>{s.taken}</td>
              <td>
                {s.reservedTaken}/{s.reserved}
              </td>
              <td>
                {s.status === 'closed' ? (
                  <Tag kind="off">{t('agenda.day.closed')}</Tag>
                ) : (
                  <Tag kind="ok">{t('agenda.day.open')}</Tag>
                )}
              </td>
              {canManage ? (
                <td>
                  {s.status === 'open' ? (
                    <a href={`/admin/agenda/lineas/${line.id}/cupos/${s.id}`}>
                      {t('agenda.slot.change')}
                      <span class="visually-hidden"> {time(s.startsAt)}</span>
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
      <h2>{t('agenda.reserve.title')}</h2>
      <p>
        {data.isDeadlineDay ? t('agenda.reserve.isDeadline') : t('agenda.reserve.notDeadlineDay')}{' '}
        {data.reservationPercent !== null
          ? t('agenda.reserve.current', { percent: data.reservationPercent })
          : ''}
      </p>
      {canManage ? (
        <form method="post" action={`/admin/agenda/lineas/${line.id}/reserva`} novalidate>
          <CsrfField token={ctx.csrf} />
          <input type="hidden" name="date" value={data.date} />
          <TextField
            t={t}
            state={reserveState}
            name="percent"
            label={t('agenda.reserve.percent')}
            hint={t('agenda.reserve.percentHint')}
            inputMode="numeric"
            width="short"
          />
          <SubmitButton variant="secondary">{t('agenda.reserve.save')}</SubmitButton>
        </form>
      ) : null}
      {canManage && !closed && data.slots.length > 0 ? (
        <form
          method="post"
          action={`/admin/agenda/lineas/${line.id}/dias/${data.date}/cerrar`}
          class="danger-zone"
          novalidate
        >
          <CsrfField token={ctx.csrf} />
          <h2>{t('agenda.closeDay.title')}</h2>
          <p>{t('agenda.closeDay.hint')}</p>
          <SelectField
            t={t}
            state={closeState}
            name="scope"
            label={t('agenda.closeDay.scope')}
            options={[
              { value: 'line', label: t('agenda.closeDay.scope.line', { name: line.name }) },
              { value: 'office', label: t('agenda.closeDay.scope.office', { name: line.office_name }) },
            ]}
          />
          <TextField t={t} state={closeState} name="reason" label={t('agenda.closure.reason')} />
          <SubmitButton variant="warning">{t('agenda.closeDay.submit')}</SubmitButton>
        </form>
      ) : null}
    </AdminLayout>
  );
}

export function SlotFormPage({
  ctx,
  state,
  line,
  slot,
  date,
}: {
  ctx: AdminContext;
  state: FormState;
  line: LineRow;
  slot: DaySlot;
  date: string;
}) {
  const { t } = ctx;
  const title = t('agenda.slot.title', { date, time: time(slot.startsAt) });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a class="back-link" href={`/admin/agenda/lineas/${line.id}/dias/${date}`}>
          {t('agenda.backToDay', { date })}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      <p>{t('agenda.slot.facts', { capacity: slot.capacity, taken: slot.taken, reserved: slot.reserved })}</p>
      <form method="post" action={`/admin/agenda/lineas/${line.id}/cupos/${slot.id}`} novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          t={t}
          state={state}
          name="capacity"
          label={t('agenda.slot.capacity')}
          hint={t('agenda.slot.capacityHint', { taken: slot.taken })}
          inputMode="numeric"
          width="short"
        />
        <SubmitButton>{t('admin.save')}</SubmitButton>
      </form>
    </AdminLayout>
  );
}
