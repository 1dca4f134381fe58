import { KIOSK_PLACE_TYPES, type KioskListItem } from '../../services/staff/kiosks.js';
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

export function KioskListPage({
  ctx,
  kiosks,
  canManage,
}: {
  ctx: AdminContext;
  kiosks: KioskListItem[];
  canManage: boolean;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.kiosk.listTitle')}>
      <h1>{t('admin.kiosk.listTitle')}</h1>
      <p>{t('admin.kiosk.lead')}</p>
      {canManage ? (
        <p>
          <a class="button" href="/admin/quioscos/nuevo">
            {t('admin.kiosk.new')}
          </a>
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('admin.kiosk.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.kiosk.name')}</th>
              <th scope="col">{t('admin.kiosk.placeType')}</th>
              <th scope="col">{t('admin.kiosk.city')}</th>
              <th scope="col">{t('admin.kiosk.address')}</th>
              <th scope="col">{t('admin.status')}</th>
            </tr>
          </thead>
          <tbody>
            {kiosks.map((k) => (
              <tr>
                <td>
                  <a href={`/admin/quioscos/${k.id}`}>{k.name}</a>
                </td>
                <td>{t(`admin.kiosk.type.${k.place_type}`)}</td>
                <td>{k.city}</td>
                <td>{k.address}</td>
                <td>
                  {k.active ? (
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

export function KioskFormPage({
  ctx,
  state,
  id,
  cities,
  canManage,
}: {
  ctx: AdminContext;
  state: FormState;
  id?: number;
  cities: { code: string; name: string; department: string }[];
  canManage: boolean;
}) {
  const { t } = ctx;
  const title = id === undefined ? t('admin.kiosk.new') : t('admin.kiosk.editTitle');
  const fields = (
    <>
      <SelectField
        t={t}
        state={state}
        name="placeType"
        label={t('admin.kiosk.placeType')}
        placeholder={t('admin.choose')}
        options={KIOSK_PLACE_TYPES.map((p) => ({ value: p, label: t(`admin.kiosk.type.${p}`) }))}
      />
      <TextField t={t} state={state} name="name" label={t('admin.kiosk.name')} />
      <TextField t={t} state={state} name="address" label={t('admin.kiosk.address')} />
      <SelectField
        t={t}
        state={state}
        name="city"
        label={t('admin.kiosk.city')}
        placeholder={t('admin.choose')}
        options={cities.map((c) => ({ value: c.code, label: `${c.name} (${c.department})` }))}
      />
      <TextField
        t={t}
        state={state}
        name="hoursEs"
        label={t('admin.kiosk.hoursEs')}
        hint={t('admin.office.hoursHint')}
      />
      <TextField t={t} state={state} name="hoursEn" label={t('admin.kiosk.hoursEn')} />
      <Checkbox t={t} state={state} name="active" label={t('admin.kiosk.activeLabel')} />
    </>
  );
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a class="back-link" href="/admin/quioscos">
          {t('admin.kiosk.back')}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      {canManage ? (
        <form
          method="post"
          action={id === undefined ? '/admin/quioscos' : `/admin/quioscos/${id}`}
          novalidate
        >
          <CsrfField token={ctx.csrf} />
          {fields}
          <SubmitButton>{id === undefined ? t('admin.kiosk.create') : t('admin.save')}</SubmitButton>
        </form>
      ) : (
        <fieldset class="fieldset read-only" disabled>
          <legend class="visually-hidden">{title}</legend>
          {fields}
        </fieldset>
      )}
    </AdminLayout>
  );
}
