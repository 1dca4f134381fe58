import type { StaffSession } from '../../services/staff-access/sessions.js';
import { groupSecret } from '../../services/staff-access/totp.js';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary, type FormState, SubmitButton, TextField } from '../components/form.js';
import { type AdminContext, AdminLayout } from './admin-layout.js';

export function LoginPage({ ctx, state, back }: { ctx: AdminContext; state: FormState; back: string }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.login.title')}>
      <div class="narrow">
        <ErrorSummary t={t} state={state} />
        <h1>{t('admin.login.title')}</h1>
        <p>{t('admin.login.lead')}</p>
        <form method="post" action="/admin/ingreso" novalidate>
          <CsrfField token={ctx.csrf} />
          <input type="hidden" name="volver" value={back} />
          <TextField
            t={t}
            state={state}
            name="email"
            label={t('admin.login.email')}
            type="email"
            autocomplete="username"
            spellcheck={false}
          />
          <TextField
            t={t}
            state={state}
            name="password"
            label={t('admin.login.password')}
            type="password"
            autocomplete="current-password"
          />
          <SubmitButton>{t('admin.login.submit')}</SubmitButton>
        </form>
        <p class="hint">{t('admin.login.forgot')}</p>
      </div>
    </AdminLayout>
  );
}

/** The six-digit code of the authenticator app: at sign-in, and to finish enrolling it. */
function CodeForm({
  ctx,
  state,
  action,
  submit,
}: {
  ctx: AdminContext;
  state: FormState;
  action: string;
  submit: string;
}) {
  const { t } = ctx;
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={ctx.csrf} />
      <TextField
        t={t}
        state={state}
        name="code"
        label={t('admin.totp.code')}
        hint={t('admin.totp.codeHint')}
        inputMode="numeric"
        autocomplete="one-time-code"
        width="short"
        spellcheck={false}
      />
      <SubmitButton>{submit}</SubmitButton>
    </form>
  );
}

export function SecondFactorPage({ ctx, state }: { ctx: AdminContext; state: FormState }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.totp.title')}>
      <div class="narrow">
        <ErrorSummary t={t} state={state} />
        <h1>{t('admin.totp.title')}</h1>
        <CodeForm ctx={ctx} state={state} action="/admin/ingreso/codigo" submit={t('admin.totp.submit')} />
      </div>
    </AdminLayout>
  );
}

export function EnrolPage({
  ctx,
  state,
  secret,
  qrSvg,
  required,
}: {
  ctx: AdminContext;
  state: FormState;
  secret: string;
  qrSvg: string;
  required: boolean;
}) {
  const { t } = ctx;
  const qr = `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}`;
  return (
    <AdminLayout ctx={ctx} title={t('admin.enrol.title')}>
      <div class="narrow">
        <ErrorSummary t={t} state={state} />
        <h1>{t('admin.enrol.title')}</h1>
        {required ? <p>{t('admin.enrol.required')}</p> : null}
        <ol class="steps">
          <li>{t('admin.enrol.step1')}</li>
          <li>
            {t('admin.enrol.step2')}
            <div class="qr">
              <img src={qr} alt={t('admin.enrol.qrAlt')} width={200} height={200} />
            </div>
            <p>
              {t('admin.enrol.manual')}{' '}
              <code class="secret" id="totp-secret">
                {groupSecret(secret)}
              </code>
            </p>
          </li>
          <li>{t('admin.enrol.step3')}</li>
        </ol>
        <CodeForm ctx={ctx} state={state} action="/admin/segundo-factor" submit={t('admin.enrol.submit')} />
      </div>
    </AdminLayout>
  );
}

export function ChangePasswordPage({
  ctx,
  state,
  forced,
}: {
  ctx: AdminContext;
  state: FormState;
  forced: boolean;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.password.title')}>
      <div class="narrow">
        <ErrorSummary t={t} state={state} />
        <h1>{t('admin.password.title')}</h1>
        {forced ? <p>{t('admin.password.forced')}</p> : null}
        <form method="post" action="/admin/contrasena" novalidate>
          <CsrfField token={ctx.csrf} />
          <TextField
            t={t}
            state={state}
            name="current"
            label={t('admin.password.current')}
            type="password"
            autocomplete="current-password"
          />
          <TextField
            t={t}
            state={state}
            name="next"
            label={t('admin.password.new')}
            hint={t('admin.password.newHint')}
            type="password"
            autocomplete="new-password"
          />
          <TextField
            t={t}
            state={state}
            name="confirm"
            label={t('admin.password.confirm')}
            type="password"
            autocomplete="new-password"
          />
          <SubmitButton>{t('admin.password.submit')}</SubmitButton>
        </form>
      </div>
    </AdminLayout>
  );
}

export function AccountPage({ ctx, session }: { ctx: AdminContext; session: StaffSession }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.account.title')}>
      <h1>{t('admin.account.title')}</h1>
      <dl class="summary-list">
        <div class="summary-row">
          <dt>{t('admin.staff.email')}</dt>
          <dd>{session.email}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('admin.staff.name')}</dt>
          <dd>{session.name}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('admin.staff.role')}</dt>
          <dd>{t(`admin.role.${session.role}`)}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('admin.staff.offices')}</dt>
          <dd>
            {session.scopes.length > 0
              ? session.scopes
                  .map((s) => (s.channel ? `${s.officeCode}:${s.channel}` : s.officeCode))
                  .join(', ')
              : t('admin.staff.allOffices')}
          </dd>
        </div>
        <div class="summary-row">
          <dt>{t('admin.staff.totp')}</dt>
          <dd>{session.totpEnabled ? t('admin.yes') : t('admin.no')}</dd>
        </div>
      </dl>
      <ul class="action-list">
        <li>
          <a href="/admin/contrasena">{t('admin.account.changePassword')}</a>
        </li>
        {session.totpEnabled ? null : (
          <li>
            <a href="/admin/segundo-factor">{t('admin.account.enrol')}</a>
          </li>
        )}
      </ul>
    </AdminLayout>
  );
}
