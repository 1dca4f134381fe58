import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access.js';
import { civilDateOf } from '../../../domain/civil-time.js';
import { closeAgenda, closureFormOptions, listClosures } from '../../../services/agenda/closures.js';
import { reserveDeadlineDays } from '../../../services/agenda/slots.js';
import { listDeadlines } from '../../../services/agenda/tax-calendar.js';
import { ClosuresPage, TaxCalendarPage } from '../../../views/admin/closure-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

/** Closures of offices and lines (/admin/agenda/cierres) and the tax calendar as stored. */
export async function closureRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const view = requireStaff({ permission: 'agenda.view' });
  const manage = requireStaff({ permission: 'agenda.manage' });
  const now = () => app.deps.clock();

  async function renderClosures(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    status: number,
  ) {
    const actor = staffActor(request);
    const closures = await listClosures(db, actor, now());
    const options = await closureFormOptions(db, actor);
    return renderAdmin(
      reply,
      ClosuresPage({
        ctx: adminContext(request, reply),
        state,
        closures,
        options,
        canManage: can(actor, 'agenda.manage'),
      }),
      status,
    );
  }

  app.get('/admin/agenda/cierres', { preHandler: view }, (request, reply) =>
    renderClosures(request, reply, emptyForm({ from: civilDateOf(now()), to: civilDateOf(now()) }), 200),
  );

  app.post('/admin/agenda/cierres', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const result = await submit(() => closeAgenda(db, app.deps.config, staffActor(request), input, now()));
    if (!result.ok) return renderClosures(request, reply, { values: input, errors: result.errors }, 400);
    return redirectWithNotice(reply, `/admin/agenda/cierres?canceladas=${result.value.cancelled}`, 'closed');
  });

  async function renderTaxCalendar(
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    state: FormState,
    status: number,
  ) {
    const actor = staffActor(request);
    const rows = await listDeadlines(db, actor, year);
    const reserve = can(actor, 'agenda.manage')
      ? { state, lines: (await closureFormOptions(db, actor)).lines }
      : undefined;
    return renderAdmin(
      reply,
      TaxCalendarPage({ ctx: adminContext(request, reply), year, rows, reserve }),
      status,
    );
  }

  app.get('/admin/agenda/calendario-tributario', { preHandler: view }, async (request, reply) => {
    const raw = (request.query as Record<string, unknown> | undefined)?.anio;
    const today = civilDateOf(now());
    const year = typeof raw === 'string' && /^20\d\d$/.test(raw) ? Number(raw) : Number(today.slice(0, 4));
    return renderTaxCalendar(request, reply, year, emptyForm({ from: today }), 200);
  });

  app.post('/admin/agenda/calendario-tributario/reservas', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const result = await submit(() => reserveDeadlineDays(db, staffActor(request), input, now()));
    if (!result.ok) {
      const year = Number(civilDateOf(now()).slice(0, 4));
      return renderTaxCalendar(request, reply, year, { values: input, errors: result.errors }, 400);
    }
    return redirectWithNotice(reply, `/admin/agenda/lineas/${result.value.lineId}`, 'reservedDays');
  });
}
