import { can } from '../../domain/access.js';
import type { DashboardSummary } from '../../services/reports/dashboard.js';
import { actorOf, type StaffSession } from '../../services/staff-access/sessions.js';
import { ADMIN_NAV, type AdminContext, AdminLayout } from './admin-layout.js';
import { AuditTable } from './audit-page.js';

export function DashboardPage({
  ctx,
  session,
  summary,
}: {
  ctx: AdminContext;
  session: StaffSession;
  summary: DashboardSummary;
}) {
  const { t } = ctx;
  const actor = actorOf(session);
  const links = ADMIN_NAV.filter((i) => i.href !== '/admin' && can(actor, i.permission));
  return (
    <AdminLayout ctx={ctx} title={t('admin.dashboard.title')}>
      <h1>{t('admin.dashboard.title')}</h1>
      <p class="lead">{t('admin.dashboard.welcome', { name: session.name })}</p>
      {summary.offices || summary.procedures ? (
        <ul class="stats">
          {summary.offices ? (
            <li>
              <span class="stat-number">{summary.offices.active}</span>{' '}
              {t('admin.dashboard.offices', { total: summary.offices.total })}
            </li>
          ) : null}
          {summary.procedures ? (
            <li>
              <span class="stat-number">{summary.procedures.active}</span>{' '}
              {t('admin.dashboard.procedures', { total: summary.procedures.total })}
            </li>
          ) : null}
        </ul>
      ) : null}
      {links.length > 0 ? (
        <>
          <h2>{t('admin.dashboard.sections')}</h2>
          <ul class="action-list">
            {links.map((l) => (
              <li>
                <a href={l.href}>{t(l.key)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('admin.dashboard.nothingYet')}</p>
      )}
      {summary.recent && summary.recent.length > 0 ? (
        <>
          <h2>{t('admin.dashboard.recent')}</h2>
          <AuditTable t={t} events={summary.recent} caption={t('admin.dashboard.recent')} />
          <p>
            <a href="/admin/auditoria">{t('admin.dashboard.allAudit')}</a>
          </p>
        </>
      ) : null}
    </AdminLayout>
  );
}
