import type { SiteTextItem } from '../../services/catalogue/site-texts.js';
import { CsrfField } from '../components/csrf-field.js';
import { DataTable } from '../components/data-table.js';
import {
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../components/form.js';
import { type AdminContext, AdminLayout } from './admin-layout.js';
import { bogotaDateTime } from './format.js';
import { SiteTextKeys } from './site-text-keys.js';

export function SiteTextsPage({
  ctx,
  texts,
  state,
  canManage,
}: {
  ctx: AdminContext;
  texts: SiteTextItem[];
  state: FormState;
  canManage: boolean;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.siteText.title')}>
      <ErrorSummary t={t} state={state} />
      <h1>{t('admin.siteText.title')}</h1>
      <p>{t('admin.siteText.lead')}</p>
      {texts.length === 0 ? (
        <p>{t('admin.siteText.none')}</p>
      ) : (
        <DataTable
          caption={t('admin.siteText.title')}
          headers={[
            t('admin.siteText.key'),
            t('admin.siteText.locale'),
            t('admin.siteText.value'),
            t('admin.siteText.updated'),
            canManage ? t('admin.actions') : null,
          ]}
        >
          {texts.map((x) => (
            <tr>
              <td>
                <code>{x.key}</code>
              </td>
              <td>{t(`admin.locale.${x.locale}`)}</td>
              <td class="prewrap">{x.value}</td>
              <td>
                {bogotaDateTime(x.updatedAt)}
                {x.updatedBy ? <div class="hint">{x.updatedBy}</div> : null}
              </td>
              {canManage ? (
                <td>
                  <a
                    href={`/admin/textos?clave=${encodeURIComponent(x.key)}&idioma=${x.locale}#field-value`}
                    aria-label={t('admin.siteText.editLabel', { key: x.key, locale: x.locale })}
                  >
                    {t('admin.edit')}
                  </a>
                  <form method="post" action="/admin/textos/eliminar" class="inline-form">
                    <CsrfField token={ctx.csrf} />
                    <input type="hidden" name="key" value={x.key} />
                    <input type="hidden" name="locale" value={x.locale} />
                    <button
                      type="submit"
                      class="link-button"
                      aria-label={t('admin.siteText.deleteLabel', { key: x.key, locale: x.locale })}
                    >
                      {t('admin.siteText.delete')}
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
      <SiteTextKeys t={t} canManage={canManage} />
      {canManage ? (
        <>
          <h2>{t('admin.siteText.formTitle')}</h2>
          <form method="post" action="/admin/textos" novalidate>
            <CsrfField token={ctx.csrf} />
            <TextField
              t={t}
              state={state}
              name="key"
              label={t('admin.siteText.key')}
              hint={t('admin.siteText.keyHint')}
              spellcheck={false}
            />
            <SelectField
              t={t}
              state={state}
              name="locale"
              label={t('admin.siteText.locale')}
              options={[
                { value: 'es', label: t('admin.locale.es') },
                { value: 'en', label: t('admin.locale.en') },
              ]}
            />
            <TextArea t={t} state={state} name="value" label={t('admin.siteText.value')} rows={6} />
            <SubmitButton>{t('admin.save')}</SubmitButton>
          </form>
        </>
      ) : null}
    </AdminLayout>
  );
}
