import type { Translator } from '../../i18n/index.js';
import type {
  AuditEventView,
  AuditPage as AuditPageData,
  AuditQuery,
} from '../../services/audit/audit-log.js';
import { DataTable } from '../components/data-table.js';
import { ErrorSummary, type FormState, SelectField, TextField } from '../components/form.js';
import { type AdminContext, AdminLayout } from './admin-layout.js';
import { auditValue, bogotaDateTime } from './format.js';

export function AuditTable({
  t,
  events,
  caption,
}: {
  t: Translator;
  events: AuditEventView[];
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      headers={[
        t('admin.audit.when'),
        t('admin.audit.who'),
        t('admin.audit.action'),
        t('admin.audit.entity'),
        t('admin.audit.changes'),
      ]}
    >
      {events.map((e) => (
        <tr>
          <td class="nowrap">{bogotaDateTime(e.occurredAt)}</td>
          <td>{e.actor}</td>
          <td>
            <code>{e.action}</code>
          </td>
          <td>
            {e.entityType} {e.entityId}
            {e.officeCode && e.officeCode !== e.entityId
              ? ` (${t('admin.audit.office')} ${e.officeCode})`
              : ''}
          </td>
          <td>
            {e.changes.length === 0 ? (
              '—'
            ) : (
              <ul class="changes">
                {e.changes.map((c) => (
                  <li>
                    <strong>{c.field}</strong>: <del>{auditValue(c.before)}</del>{' '}
                    <span aria-hidden="true">→</span>
                    <span class="visually-hidden"> {t('admin.audit.becomes')} </span>{' '}
                    <ins>{auditValue(c.after)}</ins>
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function pageHref(query: AuditQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.entity) params.set('entidad', query.entity);
  if (query.action) params.set('accion', query.action);
  if (query.from) params.set('desde', query.from);
  if (query.to) params.set('hasta', query.to);
  params.set('pagina', String(page));
  return `/admin/auditoria?${params.toString()}`;
}

export function AuditPage({
  ctx,
  data,
  query,
}: {
  ctx: AdminContext;
  data: AuditPageData;
  query: AuditQuery;
}) {
  const { t } = ctx;
  const state: FormState = {
    values: {
      entidad: query.entity ?? '',
      accion: query.action ?? '',
      desde: query.from ?? '',
      hasta: query.to ?? '',
    },
    errors: data.errors.map((e) => ({
      ...e,
      field: e.field === 'from' ? 'desde' : e.field === 'to' ? 'hasta' : e.field,
    })),
  };
  return (
    <AdminLayout ctx={ctx} title={t('admin.audit.title')}>
      <ErrorSummary t={t} state={state} />
      <h1>{t('admin.audit.title')}</h1>
      <p>{t('admin.audit.lead')}</p>
      <form method="get" action="/admin/auditoria" class="filters" novalidate>
        <SelectField
          t={t}
          state={state}
          name="entidad"
          label={t('admin.audit.entity')}
          placeholder={t('admin.audit.any')}
          options={data.entityTypes.map((e) => ({ value: e, label: e }))}
        />
        <SelectField
          t={t}
          state={state}
          name="accion"
          label={t('admin.audit.action')}
          placeholder={t('admin.audit.any')}
          options={data.actions.map((a) => ({ value: a, label: a }))}
        />
        <TextField
          t={t}
          state={state}
          name="desde"
          label={t('admin.audit.from')}
          type="date"
          width="medium"
        />
        <TextField t={t} state={state} name="hasta" label={t('admin.audit.to')} type="date" width="medium" />
        <button class="button button-secondary" type="submit">
          {t('admin.audit.filter')}
        </button>
      </form>
      <p>{t('admin.audit.count', { total: data.total, page: data.page, pages: data.pages })}</p>
      {data.events.length > 0 ? (
        <AuditTable t={t} events={data.events} caption={t('admin.audit.title')} />
      ) : null}
      {data.pages > 1 ? (
        <nav class="pagination" aria-label={t('admin.audit.pagination')}>
          <ul>
            {data.page > 1 ? (
              <li>
                <a href={pageHref(query, data.page - 1)} rel="prev">
                  {t('admin.audit.previous')}
                </a>
              </li>
            ) : null}
            {data.page < data.pages ? (
              <li>
                <a href={pageHref(query, data.page + 1)} rel="next">
                  {t('admin.audit.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </AdminLayout>
  );
}
