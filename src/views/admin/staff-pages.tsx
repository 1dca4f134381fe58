import { STAFF_ROLES } from '../../domain/roles.js';
import type { StaffDetail, StaffSummary } from '../../services/staff-access/accounts.js';
import { CsrfField } from '../components/csrf-field.js';
import { Checkbox, type FormState, SelectField, SubmitButton, TextField } from '../components/form.js';
import { type AdminContext, AdminLayout, Tag } from './admin-layout.js';
import { bogotaDateTime } from './format.js';
import { RecordFormPage, RecordListPage } from './record-pages.js';

export function StaffListPage({
  ctx,
  staff,
  canManage,
  now,
}: {
  ctx: AdminContext;
  staff: StaffSummary[];
  canManage: boolean;
  now: Date;
}) {
  const { t } = ctx;
  return (
    <RecordListPage
      ctx={ctx}
      title={t('admin.staff.listTitle')}
      create={canManage ? { href: '/admin/funcionarios/nuevo', label: t('admin.staff.new') } : undefined}
      headers={[
        t('admin.staff.email'),
        t('admin.staff.role'),
        t('admin.staff.offices'),
        t('admin.staff.totp'),
        t('admin.staff.lastLogin'),
        t('admin.status'),
      ]}
    >
      {staff.map((s) => (
        <tr>
          <td>
            <a href={`/admin/funcionarios/${s.id}`}>{s.email}</a>
            <div class="hint">{s.name}</div>
          </td>
          <td>{t(`admin.role.${s.role}`)}</td>
          <td>{s.scopes.length > 0 ? s.scopes.join(', ') : '—'}</td>
          <td>{s.totpEnabled ? t('admin.yes') : t('admin.no')}</td>
          <td>{s.lastLoginAt ? bogotaDateTime(s.lastLoginAt) : '—'}</td>
          <td>
            {!s.active ? (
              <Tag kind="off">{t('admin.inactive')}</Tag>
            ) : s.lockedUntil && s.lockedUntil > now ? (
              <Tag kind="warn">{t('admin.staff.locked')}</Tag>
            ) : (
              <Tag kind="ok">{t('admin.active')}</Tag>
            )}
          </td>
        </tr>
      ))}
    </RecordListPage>
  );
}

function roleOptions(t: AdminContext['t']) {
  return STAFF_ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }));
}

export function StaffFormPage({
  ctx,
  state,
  staff,
  canManage,
  now,
}: {
  ctx: AdminContext;
  state: FormState;
  /** The account being edited; absent for a new one. */
  staff?: StaffDetail;
  canManage: boolean;
  now: Date;
}) {
  const { t } = ctx;
  const title = staff ? staff.email : t('admin.staff.new');
  const locked = staff?.lockedUntil && staff.lockedUntil > now;
  const credentials =
    staff && canManage && staff.id !== ctx.session?.staffId ? (
      <section class="danger-zone" aria-labelledby="credentials-title">
        <h2 id="credentials-title">{t('admin.staff.credentials')}</h2>
        <p>
          {t('admin.staff.totp')}: {staff.totpEnabled ? t('admin.yes') : t('admin.no')}
          {locked && staff.lockedUntil
            ? ` · ${t('admin.staff.lockedUntil', { until: bogotaDateTime(staff.lockedUntil) })}`
            : ''}
        </p>
        <div class="button-row">
          <form method="post" action={`/admin/funcionarios/${staff.id}/restablecer-contrasena`}>
            <CsrfField token={ctx.csrf} />
            <SubmitButton variant="secondary">{t('admin.staff.resetPassword')}</SubmitButton>
          </form>
          {staff.totpEnabled ? (
            <form method="post" action={`/admin/funcionarios/${staff.id}/restablecer-segundo-factor`}>
              <CsrfField token={ctx.csrf} />
              <SubmitButton variant="secondary">{t('admin.staff.resetTotp')}</SubmitButton>
            </form>
          ) : null}
          {locked ? (
            <form method="post" action={`/admin/funcionarios/${staff.id}/desbloquear`}>
              <CsrfField token={ctx.csrf} />
              <SubmitButton variant="secondary">{t('admin.staff.unlock')}</SubmitButton>
            </form>
          ) : null}
        </div>
      </section>
    ) : null;
  return (
    <RecordFormPage
      ctx={ctx}
      title={title}
      back={{ href: '/admin/funcionarios', label: t('admin.staff.back') }}
      state={state}
      action={staff ? `/admin/funcionarios/${staff.id}` : '/admin/funcionarios'}
      submitLabel={staff ? t('admin.save') : t('admin.staff.create')}
      canManage={canManage}
      after={credentials}
    >
      {staff ? null : (
        <TextField
          t={t}
          state={state}
          name="email"
          label={t('admin.staff.email')}
          type="email"
          autocomplete="off"
          spellcheck={false}
        />
      )}
      <TextField t={t} state={state} name="name" label={t('admin.staff.name')} />
      <SelectField
        t={t}
        state={state}
        name="role"
        label={t('admin.staff.role')}
        placeholder={t('admin.choose')}
        options={roleOptions(t)}
      />
      <TextField
        t={t}
        state={state}
        name="offices"
        label={t('admin.staff.offices')}
        hint={t('admin.staff.officesHint')}
        spellcheck={false}
      />
      {staff ? <Checkbox t={t} state={state} name="active" label={t('admin.staff.activeLabel')} /> : null}
    </RecordFormPage>
  );
}

/** Shown once, right after the password is made: it is stored only as a hash. */
export function OneTimePasswordPage({
  ctx,
  email,
  password,
}: {
  ctx: AdminContext;
  email: string;
  password: string;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.staff.otpTitle')}>
      <h1>{t('admin.staff.otpTitle')}</h1>
      <p>{t('admin.staff.otpLead', { email })}</p>
      <p class="one-time-password">
        <code id="one-time-password">{password}</code>
      </p>
      <p>{t('admin.staff.otpWarning')}</p>
      <p>
        <a href="/admin/funcionarios">{t('admin.staff.back')}</a>
      </p>
    </AdminLayout>
  );
}
