import type { OfficeFormOptions, OfficeListItem } from '../../services/catalogue/offices.js';
import { OFFICE_KINDS, OWN_SECCIONAL } from '../../services/catalogue/offices.js';
import { Checkbox, type FormState, SelectField, TextField } from '../components/form.js';
import type { AdminContext } from './admin-layout.js';
import { ActiveTag, codedRecordFrame, RecordFormPage, RecordListPage } from './record-pages.js';

export function OfficeListPage({
  ctx,
  offices,
  canManage,
}: {
  ctx: AdminContext;
  offices: OfficeListItem[];
  canManage: boolean;
}) {
  const { t } = ctx;
  return (
    <RecordListPage
      ctx={ctx}
      title={t('admin.office.listTitle')}
      create={canManage ? { href: '/admin/oficinas/nueva', label: t('admin.office.new') } : undefined}
      headers={[
        t('admin.office.code'),
        t('admin.office.name'),
        t('admin.office.city'),
        t('admin.office.seccional'),
        t('admin.office.desks'),
        t('admin.status'),
      ]}
    >
      {offices.map((o) => (
        <tr>
          <td>{o.code}</td>
          <td>
            <a href={`/admin/oficinas/${o.code}`}>{o.name}</a>
          </td>
          <td>{o.city}</td>
          <td>{o.seccionalCode}</td>
          <td>{o.desks}</td>
          <td>
            <ActiveTag t={t} active={o.active} />
          </td>
        </tr>
      ))}
    </RecordListPage>
  );
}

export function OfficeFormPage({
  ctx,
  state,
  options,
  code,
  canManage,
  active,
}: {
  ctx: AdminContext;
  state: FormState;
  options: OfficeFormOptions;
  /** The office being edited; absent for a new one. */
  code?: string;
  canManage: boolean;
  active?: boolean;
}) {
  const { t } = ctx;
  const seccionalOptions = [
    ...(options.canCreateSeccional ? [{ value: OWN_SECCIONAL, label: t('admin.office.ownSeccional') }] : []),
    ...options.seccionales.map((s) => ({ value: s.code, label: `${s.code} – ${s.name}` })),
  ];
  return (
    <RecordFormPage
      ctx={ctx}
      {...codedRecordFrame(t, 'office', '/admin/oficinas', { code, active })}
      state={state}
      canManage={canManage}
    >
      {code ? null : (
        <TextField
          t={t}
          state={state}
          name="code"
          label={t('admin.office.code')}
          hint={t('admin.office.codeHint')}
          inputMode="numeric"
          width="short"
        />
      )}
      <TextField t={t} state={state} name="name" label={t('admin.office.name')} />
      <SelectField
        t={t}
        state={state}
        name="kind"
        label={t('admin.office.kind')}
        placeholder={t('admin.choose')}
        options={OFFICE_KINDS.map((k) => ({ value: k, label: t(`admin.office.kind.${k}`) }))}
      />
      <SelectField
        t={t}
        state={state}
        name="seccional"
        label={t('admin.office.seccional')}
        hint={t('admin.office.seccionalHint')}
        placeholder={t('admin.choose')}
        options={seccionalOptions}
      />
      <SelectField
        t={t}
        state={state}
        name="city"
        label={t('admin.office.city')}
        placeholder={t('admin.choose')}
        options={options.cities.map((c) => ({ value: c.code, label: `${c.name} (${c.department})` }))}
      />
      <TextField t={t} state={state} name="address" label={t('admin.office.address')} />
      <Checkbox
        t={t}
        state={state}
        name="addressIllustrative"
        label={t('admin.office.addressIllustrative')}
      />
      <TextField
        t={t}
        state={state}
        name="hoursEs"
        label={t('admin.office.hoursEs')}
        hint={t('admin.office.hoursHint')}
      />
      <TextField t={t} state={state} name="hoursEn" label={t('admin.office.hoursEn')} />
      <TextField
        t={t}
        state={state}
        name="desks"
        label={t('admin.office.desks')}
        hint={t('admin.office.desksHint')}
        inputMode="numeric"
        width="short"
      />
      <TextField t={t} state={state} name="phone" label={t('admin.office.phone')} type="tel" width="medium" />
      <TextField
        t={t}
        state={state}
        name="email"
        label={t('admin.office.email')}
        type="email"
        spellcheck={false}
      />
      <Checkbox
        t={t}
        state={state}
        name="active"
        label={t('admin.office.activeLabel')}
        hint={t('admin.office.activeHint')}
      />
    </RecordFormPage>
  );
}
