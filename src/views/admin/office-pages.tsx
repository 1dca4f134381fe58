import type { OfficeFormOptions, OfficeListItem } from '../../services/staff/offices.js';
import { OFFICE_KINDS, OWN_SECCIONAL } from '../../services/staff/offices.js';
import { CsrfField } from '../components/csrf-field.js';
import {
  Checkbox,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../components/form.js';
import { type AdminContext, AdminLayout, Tag } from './layout.js';

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
    <AdminLayout ctx={ctx} title={t('admin.office.listTitle')}>
      <h1>{t('admin.office.listTitle')}</h1>
      {canManage ? (
        <p>
          <a class="button" href="/admin/oficinas/nueva">
            {t('admin.office.new')}
          </a>
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('admin.office.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.office.code')}</th>
              <th scope="col">{t('admin.office.name')}</th>
              <th scope="col">{t('admin.office.city')}</th>
              <th scope="col">{t('admin.office.seccional')}</th>
              <th scope="col">{t('admin.office.desks')}</th>
              <th scope="col">{t('admin.status')}</th>
            </tr>
          </thead>
          <tbody>
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
                  {o.active ? (
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
  const title = code ? t('admin.office.editTitle', { code }) : t('admin.office.new');
  const seccionalOptions = [
    ...(options.canCreateSeccional ? [{ value: OWN_SECCIONAL, label: t('admin.office.ownSeccional') }] : []),
    ...options.seccionales.map((s) => ({ value: s.code, label: `${s.code} – ${s.name}` })),
  ];
  const fields = (
    <>
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
    </>
  );
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a class="back-link" href="/admin/oficinas">
          {t('admin.office.back')}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      {canManage ? (
        <form method="post" action={code ? `/admin/oficinas/${code}` : '/admin/oficinas'} novalidate>
          <CsrfField token={ctx.csrf} />
          {fields}
          <SubmitButton>{code ? t('admin.save') : t('admin.office.create')}</SubmitButton>
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
          action={`/admin/oficinas/${code}/${active ? 'desactivar' : 'activar'}`}
          class="danger-zone"
        >
          <CsrfField token={ctx.csrf} />
          <h2>{active ? t('admin.office.deactivateTitle') : t('admin.office.activateTitle')}</h2>
          <p>{active ? t('admin.office.deactivateHint') : t('admin.office.activateHint')}</p>
          <SubmitButton variant={active ? 'warning' : 'secondary'}>
            {active ? t('admin.office.deactivate') : t('admin.office.activate')}
          </SubmitButton>
        </form>
      ) : null}
    </AdminLayout>
  );
}
