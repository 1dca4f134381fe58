import { dashboardSummary } from '../../../services/reports/dashboard.js';
import { DashboardPage } from '../../../views/admin/dashboard-page.js';
import { requireStaff, staffActor, staffSessionOf } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { releaseRoutes } from './admin-releases.js';
import { agendaRoutes } from './agenda.js';
import { agendaDayRoutes } from './agenda-days.js';
import { agendaEditRoutes } from './agenda-edit.js';
import { auditRoutes } from './audit.js';
import { channelRoutes } from './channels.js';
import { closureRoutes } from './closures.js';
import { adminContext, renderAdmin } from './context.js';
import { deskRoutes } from './desk.js';
import { kioskRoutes } from './kiosks.js';
import { officeRoutes } from './offices.js';
import { procedureRoutes } from './procedures.js';
import { reportRoutes } from './reports.js';
import { signInRoutes } from './sign-in.js';
import { siteTextRoutes } from './site-texts.js';
import { staffRoutes } from './staff.js';

/**
 * The back office under /admin. Every route is guarded by `requireStaff` (session, sign-in stage,
 * permission) and its service checks the office scope; every post carries a CSRF token (global hook).
 * Pages are never cached: they show personal and internal data.
 */
export async function adminPages(app: App): Promise<void> {
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/admin')) reply.header('cache-control', 'no-store');
  });

  app.get('/admin', { preHandler: requireStaff() }, async (request, reply) => {
    const summary = await dashboardSummary(app.deps.database.db, staffActor(request));
    const session = staffSessionOf(request);
    return renderAdmin(reply, DashboardPage({ ctx: adminContext(request, reply), session, summary }));
  });

  await app.register(signInRoutes);
  await app.register(officeRoutes);
  await app.register(procedureRoutes);
  await app.register(channelRoutes);
  await app.register(kioskRoutes);
  await app.register(siteTextRoutes);
  await app.register(staffRoutes);
  await app.register(auditRoutes);
  await app.register(agendaRoutes);
  await app.register(agendaEditRoutes);
  await app.register(agendaDayRoutes);
  await app.register(closureRoutes);
  await app.register(releaseRoutes);
  await app.register(deskRoutes);
  await app.register(reportRoutes);
}
