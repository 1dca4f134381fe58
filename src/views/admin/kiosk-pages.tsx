import { KIOSK_PLACE_TYPES, type KioskListItem } from '../../services/catalogue/kiosks.js';
import { Checkbox, type FormState, SelectField, TextField } from '../components/form.js';
import type { AdminContext } from './admin-layout.js';
import { ActiveTag, RecordFormPage, RecordListPage } from './record-pages.js';

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
    <RecordListPage
      ctx={ctx}
      title={t('admin.kiosk.listTitle')}
      lead={t('admin.kiosk.lead')}
      create={canManage ? { href: '/admin/quioscos/nuevo', label: t('admin.kiosk.new') } : undefined}
      headers={[
        t('admin.kiosk.name'),
        t('admin.kiosk.placeType'),
        t('admin.kiosk.city'),
        t('admin.kiosk.address'),
        t('admin.status'),
      ]}
    >
      {kiosks.map((k) => (
        <tr>
          <td>
            <a href={`/admin/quioscos/${k.id}`}>{k.name}</a>
          </td>
          <td>{t(`admin.kiosk.type.${k.place_type}`)}</td>
          <td>{k.city}</td>
          <td>{k.address}</td>
          <td>
            <ActiveTag t={t} active={k.active} />
          </td>
        </tr>
      ))}
    </RecordListPage>
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
  return (
    <RecordFormPage
      ctx={ctx}
      title={title}
      back={{ href: '/admin/quioscos', label: t('admin.kiosk.back') }}
      state={state}
      action={id === undefined ? '/admin/quioscos' : `/admin/quioscos/${id}`}
      submitLabel={id === undefined ? t('admin.kiosk.create') : t('admin.save')}
      canManage={canManage}
    >
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
    </RecordFormPage>
  );
}
