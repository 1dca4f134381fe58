import type { Procedure } from '../../db/schema.js';
import { CATEGORIES, CHANNELS } from '../../domain/channels.js';
import { SERVED_BY } from '../../services/catalogue/procedure-edit.js';
import {
  Checkbox,
  CheckboxGroup,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../components/form.js';
import type { AdminContext } from './admin-layout.js';
import { ActiveTag, codedRecordFrame, RecordFormPage, RecordListPage } from './record-pages.js';

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
    <RecordListPage
      ctx={ctx}
      title={t('admin.procedure.listTitle')}
      create={canManage ? { href: '/admin/tramites/nuevo', label: t('admin.procedure.new') } : undefined}
      headers={[
        t('admin.procedure.name'),
        t('admin.procedure.category'),
        t('admin.procedure.channels'),
        t('admin.procedure.duration'),
        t('admin.status'),
      ]}
    >
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
            <ActiveTag t={t} active={p.active} />
          </td>
        </tr>
      ))}
    </RecordListPage>
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
  return (
    <RecordFormPage
      ctx={ctx}
      {...codedRecordFrame(t, 'procedure', '/admin/tramites', { code, active })}
      state={state}
      canManage={canManage}
    >
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
    </RecordFormPage>
  );
}
