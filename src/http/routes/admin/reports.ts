import { csvDocument } from '../../../domain/reports.js';
import { translator } from '../../../i18n/index.js';
import { listStaffReleases } from '../../../services/releases/back-office.js';
import { flushActivity, onActivityError } from '../../../services/reports/activity.js';
import {
  buildReport,
  isReportSlug,
  type ReportQuery,
  reportFilters,
} from '../../../services/reports/reports.js';
import { ReportPage, ReportsIndexPage, tableText } from '../../../views/admin/report-pages.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, renderAdmin } from './context.js';

const FIELDS = ['desde', 'hasta', 'seccional', 'oficina', 'tramite', 'canal'] as const;

function readQuery(query: unknown): ReportQuery {
  const q = (query ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const f of FIELDS) if (typeof q[f] === 'string') out[f] = q[f] as string;
  return out;
}

/**
 * The reports under /admin/informes: an index with the filters, and one page per report with its chart,
 * its table and the table as CSV (`?formato=csv`). Figures are limited to the viewer's offices.
 */
export async function reportRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  onActivityError(db, (err) => app.log.warn({ err }, 'report counters could not be written'));
  // Counts still buffered are written when the app stops: before it closes (the database may be closed
  // by a later onClose hook) and once more after the last requests, should they have added any.
  app.addHook('preClose', async () => {
    await flushActivity(db);
  });
  app.addHook('onClose', async () => {
    await flushActivity(db);
  });

  app.get(
    '/admin/informes',
    { preHandler: requireStaff({ permission: 'reports.view' }) },
    async (request, reply) => {
      const actor = staffActor(request);
      const result = await reportFilters(
        db,
        actor,
        readQuery(request.query),
        request.locale,
        app.deps.clock(),
      );
      const { from, to, seccional, office, procedure, channel } = result.filters;
      const releases =
        result.errors.length > 0
          ? []
          : await listStaffReleases(
              db,
              actor,
              { from, to, seccional, officeCodes: office ? [office] : null, procedure, channel },
              request.locale,
              app.deps.clock(),
            );
      return renderAdmin(
        reply,
        ReportsIndexPage({ ctx: adminContext(request, reply), result, releases }),
        result.errors.length > 0 ? 400 : 200,
      );
    },
  );

  app.get<{ Params: { report: string } }>(
    '/admin/informes/:report',
    { preHandler: requireStaff({ permission: 'reports.view' }) },
    async (request, reply) => {
      const slug = request.params.report;
      if (!isReportSlug(slug)) return reply.callNotFound();
      const query = request.query as Record<string, unknown>;
      const result = await buildReport(
        db,
        staffActor(request),
        slug,
        readQuery(query),
        request.locale,
        app.deps.clock(),
      );
      if (query.formato === 'csv' && result.report) {
        const rows = tableText(translator(request.locale), result.report);
        const name = `informe-${slug}-${result.filters.from}-a-${result.filters.to}.csv`;
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(`\uFEFF${csvDocument(rows)}`);
      }
      return renderAdmin(
        reply,
        ReportPage({ ctx: adminContext(request, reply), slug, result }),
        result.errors.length > 0 ? 400 : 200,
      );
    },
  );
}
