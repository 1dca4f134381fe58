import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, can, officeScopeOf, requirePermission } from '../../domain/access.js';
import { selectOfficesInScope } from '../../repositories/catalogue/offices.js';
import { countProcedures } from '../../repositories/catalogue/procedures.js';
import { type AuditEventView, recentAudit } from '../audit/audit-log.js';

export interface DashboardSummary {
  offices: { active: number; total: number } | null;
  procedures: { active: number; total: number } | null;
  recent: AuditEventView[] | null;
}

/** The first page after signing in: what the person looks after, and the latest changes they may see. */
export async function dashboardSummary(db: Kysely<DB>, actor: Actor): Promise<DashboardSummary> {
  requirePermission(actor, 'backoffice.enter');
  let offices: DashboardSummary['offices'] = null;
  if (can(actor, 'offices.view')) {
    const rows = await selectOfficesInScope(db, officeScopeOf(actor));
    offices = { active: rows.filter((r) => r.active).length, total: rows.length };
  }
  const procedures = can(actor, 'catalogue.view') ? await countProcedures(db) : null;
  const recent = can(actor, 'audit.view') ? await recentAudit(db, actor, 8) : null;
  return { offices, procedures, recent };
}
