import type { Procedure } from '../../db/schema.js';
import { CATEGORIES, CHANNELS } from '../../domain/channels.js';
import { SERVED_BY } from '../../services/staff/procedures.js';
import { CsrfField } from '../components/csrf-field.js';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../components/form.js';
import { type AdminContext, AdminLayout, Tag } from './layout.js';

export function ProcedureListPage({
  ctx,
  procedures,
  canManage,
}: {
  ctx: AdminContext;
  procedures: Procedure[];
  canManage: boolean;
}) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.procedure.listTitle')}>
      <h1>{t('admin.procedure.listTitle')}</h1>
      {canManage ? (
        <p>
          <a class="button" href="/admin/tramites/nuevo">
            {t('admin.procedure.new')}
          </a>
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('admin.procedure.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.procedure.name')}</th>
              <th scope="col">{t('admin.procedure.category')}</th>
              <th scope="col">{t('admin.procedure.channels')}</th>
              <th scope="col">{t('admin.procedure.duration')}</th>
              <th scope="col">{t('admin.status')}</th>
            </tr>
          </thead>
          <tbody>
            {procedures.map((p) => (
              <tr>
                <td>
                  <a href={`/admin/tramites/${p.code}`}>{locale === 'en' ? p.name_en : p.name_es}</a>
                  <div class="hint">
                    <code>{p.code}</code>
                  </div>
                </td>
                <td>{t(`admin.category.${p.category}`)}</td>
                <td>
                  {p.requires_appointment
                    ? p.channels.map((c) => t(`admin.channelName.${c}`)).join(', ')
                    : t('admin.procedure.selfServiceOnly')}
                </td>
                <td>{p.duration_minutes === null ? '—' : t('admin.minutes', { n: p.duration_minutes })}</td>
                <td>
                  {p.active ? (
                    <Tag kind="ok">{t('admin.active')}</Tag>
                  ) : (
                    <Tag kind="off">{t('admin.inactive')}</Tag>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

export function ProcedureFormPage({
  ctx,
  state,
  code,
  canManage,
  active,
}: {
  ctx: AdminContext;
  state: FormState;
  code?: string;
  canManage: boolean;
  active?: boolean;
}) {
  const { t } = ctx;
  const title = code ? t('admin.procedure.editTitle', { code }) : t('admin.procedure.new');
  const fields = (
    <>
      {code ? null : (
        <TextField
          t={t}
          state={state}
          name="code"
          label={t('admin.procedure.code')}
          hint={t('admin.procedure.codeHint')}
          spellcheck={false}
        />
      )}
      <TextField t={t} state={state} name="nameEs" label={t('admin.procedure.nameEs')} />
      <TextField t={t} state={state} name="nameEn" label={t('admin.procedure.nameEn')} />
      <SelectField
        t={t}
        state={state}
        name="category"
        label={t('admin.procedure.category')}
        placeholder={t('admin.choose')}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`admin.category.${c}`) }))}
      />
      <TextArea t={t} state={state} name="summaryEs" label={t('admin.procedure.summaryEs')} rows={3} />
      <TextArea t={t} state={state} name="summaryEn" label={t('admin.procedure.summaryEn')} rows={3} />
      <TextArea t={t} state={state} name="audienceEs" label={t('admin.procedure.audienceEs')} rows={2} />
      <TextArea t={t} state={state} name="audienceEn" label={t('admin.procedure.audienceEn')} rows={2} />
      <TextArea
        t={t}
        state={state}
        name="requirementsEs"
        label={t('admin.procedure.requirementsEs')}
        hint={t('admin.procedure.requirementsHint')}
        rows={5}
      />
      <TextArea
        t={t}
        state={state}
        name="requirementsEn"
        label={t('admin.procedure.requirementsEn')}
        rows={5}
      />
      <CheckboxGroup
        t={t}
        state={state}
        name="servedBy"
        label={t('admin.procedure.servedBy')}
        options={SERVED_BY.map((s) => ({ value: s, label: t(`admin.servedBy.${s}`) }))}
      />
      <h2>{t('admin.procedure.attention')}</h2>
      <Checkbox
        t={t}
        state={state}
        name="requiresAppointment"
        label={t('admin.procedure.requiresAppointment')}
        hint={t('admin.procedure.requiresAppointmentHint')}
      />
      <CheckboxGroup
        t={t}
        state={state}
        name="channels"
        label={t('admin.procedure.channels')}
        hint={t('admin.procedure.channelsHint')}
        options={CHANNELS.map((c) => ({ value: c, label: t(`admin.channelName.${c}`) }))}
      />
      <TextField
        t={t}
        state={state}
        name="durationMinutes"
        label={t('admin.procedure.duration')}
        hint={t('admin.procedure.durationHint')}
        inputMode="numeric"
        width="short"
      />
      <h2>{t('admin.procedure.selfService')}</h2>
      <TextField
        t={t}
        state={state}
        name="selfServiceUrl"
        label={t('admin.procedure.selfServiceUrl')}
        type="url"
        spellcheck={false}
      />
      <TextArea
        t={t}
        state={state}
        name="selfServiceEs"
        label={t('admin.procedure.selfServiceEs')}
        hint={t('admin.procedure.selfServiceHint')}
        rows={2}
      />
      <TextArea
        t={t}
        state={state}
        name="selfServiceEn"
        label={t('admin.procedure.selfServiceEn')}
        rows={2}
      />
      <Checkbox t={t} state={state} name="active" label={t('admin.procedure.activeLabel')} />
    </>
  );
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a class="back-link" href="/admin/tramites">
          {t('admin.procedure.back')}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      {canManage ? (
        <form method="post" action={code ? `/admin/tramites/${code}` : '/admin/tramites'} novalidate>
          <CsrfField token={ctx.csrf} />
          {fields}
          <SubmitButton>{code ? t('admin.save') : t('admin.procedure.create')}</SubmitButton>
        </form>
      ) : (
        <fieldset class="fieldset read-only" disabled>
          <legend class="visually-hidden">{title}</legend>
          {fields}
        </fieldset>
      )}
      {code && canManage && active !== undefined ? (
        <form
          method="post"
          action={`/admin/tramites/${code}/${active ? 'desactivar' : 'activar'}`}
          class="danger-zone"
        >
          <CsrfField token={ctx.csrf} />
          <h2>{active ? t('admin.procedure.deactivateTitle') : t('admin.procedure.activateTitle')}</h2>
          <p>{active ? t('admin.procedure.deactivateHint') : t('admin.procedure.activateHint')}</p>
          <SubmitButton variant={active ? 'warning' : 'secondary'}>
            {active ? t('admin.procedure.deactivate') : t('admin.procedure.activate')}
          </SubmitButton>
        </form>
      ) : null}
    </AdminLayout>
  );
}
