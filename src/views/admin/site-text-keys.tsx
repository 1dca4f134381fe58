import type { Translator } from '../../i18n/index.js';
import { builtInSiteText, SITE_TEXT_KEYS } from '../../services/catalogue/site-texts.js';
import { DataTable } from '../components/data-table.js';

/**
 * The keys the citizen site reads, with where each shows and its built-in text, so staff know what
 * they can change without guessing key names.
 */
export function SiteTextKeys({ t, canManage }: { t: Translator; canManage: boolean }) {
  return (
    <>
      <h2>{t('textkeys.title')}</h2>
      <DataTable
        caption={t('textkeys.title')}
        headers={[
          t('admin.siteText.key'),
          t('textkeys.where'),
          t('textkeys.builtIn'),
          canManage ? t('admin.actions') : null,
        ]}
      >
        {SITE_TEXT_KEYS.map((key) => (
          <tr>
            <td>
              <code>{key}</code>
            </td>
            <td>{t(`textkeys.where.${key}`)}</td>
            <td class="prewrap">{builtInSiteText(key, 'es') || t('textkeys.empty')}</td>
            {canManage ? (
              <td>
                <a
                  href={`/admin/textos?clave=${encodeURIComponent(key)}&idioma=es#field-value`}
                  aria-label={t('admin.siteText.editLabel', { key, locale: 'es' })}
                >
                  {t('admin.edit')}
                </a>
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
    </>
  );
}
