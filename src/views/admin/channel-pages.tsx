import type { ChannelRow } from '../../services/staff/channels.js';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary, type FormState, SubmitButton, TextArea, TextField } from '../components/form.js';
import { type AdminContext, AdminLayout, Tag } from './layout.js';

export function ChannelListPage({ ctx, channels }: { ctx: AdminContext; channels: ChannelRow[] }) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.channel.listTitle')}>
      <h1>{t('admin.channel.listTitle')}</h1>
      <p>{t('admin.channel.lead')}</p>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('admin.channel.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.channel.name')}</th>
              <th scope="col">{t('admin.channel.kind')}</th>
              <th scope="col">{t('admin.channel.description')}</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr>
                <td>
                  <a href={`/admin/canales/${c.code}`}>{locale === 'en' ? c.name_en : c.name_es}</a>
                </td>
                <td>
                  <Tag>{c.remote ? t('admin.channel.remote') : t('admin.channel.inPerson')}</Tag>
                </td>
                <td>{locale === 'en' ? c.description_en : c.description_es}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

export function ChannelFormPage({
  ctx,
  state,
  code,
  canManage,
}: {
  ctx: AdminContext;
  state: FormState;
  code: string;
  canManage: boolean;
}) {
  const { t } = ctx;
  const title = t('admin.channel.editTitle', { name: t(`admin.channelName.${code}`) });
  const fields = (
    <>
      <TextField t={t} state={state} name="nameEs" label={t('admin.channel.nameEs')} />
      <TextField t={t} state={state} name="nameEn" label={t('admin.channel.nameEn')} />
      <TextArea t={t} state={state} name="descriptionEs" label={t('admin.channel.descriptionEs')} rows={4} />
      <TextArea t={t} state={state} name="descriptionEn" label={t('admin.channel.descriptionEn')} rows={4} />
    </>
  );
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a class="back-link" href="/admin/canales">
          {t('admin.channel.back')}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      {canManage ? (
        <form method="post" action={`/admin/canales/${code}`} novalidate>
          <CsrfField token={ctx.csrf} />
          {fields}
          <SubmitButton>{t('admin.save')}</SubmitButton>
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
