import type { ChannelRow } from '../../services/catalogue/channels.js';
import { type FormState, TextArea, TextField } from '../components/form.js';
import { type AdminContext, Tag } from './admin-layout.js';
import { RecordFormPage, RecordListPage } from './record-pages.js';

export function ChannelListPage({ ctx, channels }: { ctx: AdminContext; channels: ChannelRow[] }) {
  const { t, locale } = ctx;
  return (
    <RecordListPage
      ctx={ctx}
      title={t('admin.channel.listTitle')}
      lead={t('admin.channel.lead')}
      headers={[t('admin.channel.name'), t('admin.channel.kind'), t('admin.channel.description')]}
    >
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
    </RecordListPage>
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
  return (
    <RecordFormPage
      ctx={ctx}
      title={title}
      back={{ href: '/admin/canales', label: t('admin.channel.back') }}
      state={state}
      action={`/admin/canales/${code}`}
      submitLabel={t('admin.save')}
      canManage={canManage}
    >
      <TextField t={t} state={state} name="nameEs" label={t('admin.channel.nameEs')} />
      <TextField t={t} state={state} name="nameEn" label={t('admin.channel.nameEn')} />
      <TextArea t={t} state={state} name="descriptionEs" label={t('admin.channel.descriptionEs')} rows={4} />
      <TextArea t={t} state={state} name="descriptionEn" label={t('admin.channel.descriptionEn')} rows={4} />
    </RecordFormPage>
  );
}
