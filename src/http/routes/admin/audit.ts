import { type AuditQuery, browseAudit } from '../../../services/audit/audit-log.js';
import { AuditPage } from '../../../views/admin/audit-page.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, renderAdmin } from './context.js';

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v.slice(0, 100) : undefined);

/** The audit trail, for administrators (their offices) and auditors (everything). */
export async function auditRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  app.get(
    '/admin/auditoria',
    { preHandler: requireStaff({ permission: 'audit.view' }) },
    async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      const page = Number(text(q.pagina) ?? '1');
      const query: AuditQuery = {
        ...(text(q.entidad) ? { entity: text(q.entidad) } : {}),
        ...(text(q.accion) ? { action: text(q.accion) } : {}),
        ...(text(q.desde) ? { from: text(q.desde) } : {}),
        ...(text(q.hasta) ? { to: text(q.hasta) } : {}),
        page: Number.isSafeInteger(page) && page > 0 ? page : 1,
      };
      const data = await browseAudit(db, staffActor(request), query);
      return renderAdmin(
        reply,
        AuditPage({ ctx: adminContext(request, reply), data, query }),
        data.errors.length > 0 ? 400 : 200,
      );
    },
  );
}
