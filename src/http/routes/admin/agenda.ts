import type { FastifyReply, FastifyRequest } from 'fastify';
import { civilDateOf } from '../../../domain/civil-time.js';
import type { FieldError } from '../../../domain/errors.js';
import { notFound } from '../../../domain/errors.js';
import { idParam } from '../../../services/agenda/access.js';
import { createLine, getLine, lineFormOptions, listLines } from '../../../services/agenda/capacity-lines.js';
import { closeAgenda, closureFormOptions, listClosures } from '../../../services/agenda/closures.js';
import { lineDetail } from '../../../services/agenda/line-detail.js';
import { previewPublication, publishTemplate } from '../../../services/agenda/publish.js';
import { daySlots, setDeadlineReservation, setSlotCapacity } from '../../../services/agenda/slots.js';
import { listDeadlines } from '../../../services/agenda/tax-calendar.js';
import { createTemplate, templateForActor, templateView } from '../../../services/agenda/templates.js';
import { can } from '../../../services/staff/scope.js';
import {
  AgendaHomePage,
  DayPage,
  LineFormPage,
  LinePage,
  SlotFormPage,
  TemplateFormPage,
} from '../../../views/admin/agenda-pages.js';
import { ClosuresPage, PublishPage, TaxCalendarPage } from '../../../views/admin/agenda-publish-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

type IdParams = { Params: { id: string } };
type DayParams = { Params: { id: string; date: string } };
type SlotParams = { Params: { id: string; slotId: string } };

/**
 * Agenda administration under /admin/agenda: capacity lines, weekly templates, publication with a
 * preview, slot capacity, deadline-day reserves, closures and the tax calendar. Each route names its
 * permission; each service checks the office scope of the line or office it touches.
 */
export async function agendaRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const view = requireStaff({ permission: 'agenda.view' });
  const manage = requireStaff({ permission: 'agenda.manage' });
  const now = () => app.deps.clock();

  app.get('/admin/agenda', { preHandler: view }, async (request, reply) => {
    const actor = staffActor(request);
    const lines = await listLines(db, actor);
    return renderAdmin(
      reply,
      AgendaHomePage({ ctx: adminContext(request, reply), lines, canManage: can(actor, 'agenda.manage') }),
    );
  });

  async function renderLineForm(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    status: number,
  ) {
    const options = await lineFormOptions(db, staffActor(request), request.locale);
    return renderAdmin(reply, LineFormPage({ ctx: adminContext(request, reply), state, options }), status);
  }

  app.get('/admin/agenda/lineas/nueva', { preHandler: manage }, (request, reply) =>
    renderLineForm(request, reply, emptyForm(), 200),
  );

  app.post('/admin/agenda/lineas', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const result = await submit(() => createLine(db, staffActor(request), input, now()));
    if (!result.ok) return renderLineForm(request, reply, { values: input, errors: result.errors }, 400);
    return redirectWithNotice(reply, `/admin/agenda/lineas/${result.value}`, 'lineCreated');
  });

  app.get<IdParams>('/admin/agenda/lineas/:id', { preHandler: view }, async (request, reply) => {
    const actor = staffActor(request);
    const data = await lineDetail(db, actor, idParam(request.params.id), now());
    return renderAdmin(
      reply,
      LinePage({ ctx: adminContext(request, reply), data, canManage: can(actor, 'agenda.manage') }),
    );
  });

  async function renderTemplateForm(
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    state: FormState,
    status: number,
  ) {
    const { line } = await getLine(db, staffActor(request), idParam(request.params.id));
    return renderAdmin(reply, TemplateFormPage({ ctx: adminContext(request, reply), state, line }), status);
  }

  app.get<IdParams>(
    '/admin/agenda/lineas/:id/plantillas/nueva',
    { preHandler: manage },
    async (request, reply) => {
      // The scope is checked before anything of the line is shown.
      await getLine(db, staffActor(request), idParam(request.params.id));
      return renderTemplateForm(
        request,
        reply,
        emptyForm({
          weekdays: ['1', '2', '3', '4', '5'],
          opens: '08:00',
          closes: '16:00',
          slotMinutes: '30',
        }),
        200,
      );
    },
  );

  app.post<IdParams>(
    '/admin/agenda/lineas/:id/plantillas',
    { preHandler: manage },
    async (request, reply) => {
      const input = formInput(request);
      const lineId = idParam(request.params.id);
      const result = await submit(() => createTemplate(db, staffActor(request), lineId, input, now()));
      if (!result.ok)
        return renderTemplateForm(request, reply, { values: input, errors: result.errors }, 400);
      return redirectWithNotice(
        reply,
        `/admin/agenda/plantillas/${result.value}/publicar`,
        'templateCreated',
      );
    },
  );

  async function renderPublish(
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    input: Record<string, unknown>,
    status: number,
  ) {
    const actor = staffActor(request);
    const { line, template } = await templateForActor(db, actor, idParam(request.params.id), 'agenda.view');
    const asked = typeof input.from === 'string' || typeof input.to === 'string';
    const values = { from: input.from ?? '', to: input.to ?? '' };
    const preview = asked
      ? await submit(() => previewPublication(db, actor, template.id, values, now()))
      : null;
    const state: FormState = { values, errors: preview && !preview.ok ? preview.errors : [] };
    return renderAdmin(
      reply,
      PublishPage({
        ctx: adminContext(request, reply),
        state,
        line,
        template: templateView(template),
        plan: preview?.ok ? preview.value : null,
        canManage: can(actor, 'agenda.manage'),
      }),
      preview && !preview.ok ? 400 : status,
    );
  }

  app.get<IdParams>('/admin/agenda/plantillas/:id/publicar', { preHandler: view }, (request, reply) =>
    renderPublish(request, reply, (request.query ?? {}) as Record<string, unknown>, 200),
  );

  app.post<IdParams>(
    '/admin/agenda/plantillas/:id/publicar',
    { preHandler: manage },
    async (request, reply) => {
      const input = formInput(request);
      const templateId = idParam(request.params.id);
      const result = await submit(() => publishTemplate(db, staffActor(request), templateId, input, now()));
      if (!result.ok) return renderPublish(request, reply, input, 400);
      const { line } = await templateForActor(db, staffActor(request), templateId, 'agenda.view');
      return redirectWithNotice(
        reply,
        `/admin/agenda/lineas/${line.id}?publicados=${result.value.slots}`,
        result.value.slots > 0 ? 'published' : 'publishedNothing',
      );
    },
  );

  async function renderDay(
    request: FastifyRequest,
    reply: FastifyReply,
    day: { lineId: number; date: string },
    states: { reserve?: FormState; close?: FormState },
    status: number,
  ) {
    const actor = staffActor(request);
    const data = await daySlots(db, actor, day.lineId, day.date);
    return renderAdmin(
      reply,
      DayPage({
        ctx: adminContext(request, reply),
        data,
        reserveState:
          states.reserve ??
          emptyForm({ percent: data.reservationPercent === null ? '' : String(data.reservationPercent) }),
        closeState: states.close ?? emptyForm(),
        canManage: can(actor, 'agenda.manage'),
      }),
      status,
    );
  }

  app.get<DayParams>('/admin/agenda/lineas/:id/dias/:date', { preHandler: view }, (request, reply) =>
    renderDay(request, reply, { lineId: idParam(request.params.id), date: request.params.date }, {}, 200),
  );

  app.post<IdParams>('/admin/agenda/lineas/:id/reserva', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const lineId = idParam(request.params.id);
    const result = await submit(() => setDeadlineReservation(db, staffActor(request), lineId, input, now()));
    const date = typeof input.date === 'string' ? input.date : '';
    if (!result.ok) {
      return renderDay(
        request,
        reply,
        { lineId, date },
        { reserve: { values: input, errors: result.errors.map(onto(['percent'], 'percent')) } },
        400,
      );
    }
    return redirectWithNotice(reply, `/admin/agenda/lineas/${lineId}/dias/${result.value}`, 'reserved');
  });

  app.post<DayParams>(
    '/admin/agenda/lineas/:id/dias/:date/cerrar',
    { preHandler: manage },
    async (request, reply) => {
      const input = formInput(request);
      const actor = staffActor(request);
      const { line } = await getLine(db, actor, idParam(request.params.id));
      const { date } = request.params;
      const scope = input.scope === 'office' ? 'office' : 'line';
      const closure = {
        office: line.office_code,
        line: scope === 'line' ? String(line.id) : '',
        from: date,
        to: date,
        reason: input.reason,
      };
      const result = await submit(() => closeAgenda(db, app.deps.config, actor, closure, now()));
      if (!result.ok) {
        return renderDay(
          request,
          reply,
          { lineId: line.id, date },
          { close: { values: input, errors: result.errors.map(onto(['reason'], 'scope')) } },
          400,
        );
      }
      return redirectWithNotice(
        reply,
        `/admin/agenda/lineas/${line.id}/dias/${date}?canceladas=${result.value.cancelled}`,
        'closed',
      );
    },
  );

  async function renderSlot(
    request: FastifyRequest<SlotParams>,
    reply: FastifyReply,
    state: FormState | null,
    status: number,
  ) {
    const actor = staffActor(request);
    const lineId = idParam(request.params.id);
    const slotId = idParam(request.params.slotId);
    const slotRow = await db
      .selectFrom('slots')
      .select(['local_date'])
      .where('id', '=', Number.isNaN(slotId) ? 0 : slotId)
      .executeTakeFirst();
    const data = await daySlots(db, actor, lineId, slotRow?.local_date ?? '');
    const slot = data.slots.find((s) => s.id === slotId);
    if (!slot) throw notFound();
    return renderAdmin(
      reply,
      SlotFormPage({
        ctx: adminContext(request, reply),
        state: state ?? emptyForm({ capacity: String(slot.capacity) }),
        line: data.line,
        slot,
        date: data.date,
      }),
      status,
    );
  }

  app.get<SlotParams>('/admin/agenda/lineas/:id/cupos/:slotId', { preHandler: manage }, (request, reply) =>
    renderSlot(request, reply, null, 200),
  );

  app.post<SlotParams>(
    '/admin/agenda/lineas/:id/cupos/:slotId',
    { preHandler: manage },
    async (request, reply) => {
      const input = formInput(request);
      const lineId = idParam(request.params.id);
      const result = await submit(() =>
        setSlotCapacity(db, staffActor(request), lineId, idParam(request.params.slotId), input, now()),
      );
      if (!result.ok) return renderSlot(request, reply, { values: input, errors: result.errors }, 400);
      return redirectWithNotice(reply, `/admin/agenda/lineas/${lineId}/dias/${result.value}`, 'saved');
    },
  );

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

  app.get('/admin/agenda/calendario-tributario', { preHandler: view }, async (request, reply) => {
    const raw = (request.query as Record<string, unknown> | undefined)?.anio;
    const current = Number(civilDateOf(now()).slice(0, 4));
    const year = typeof raw === 'string' && /^20\d\d$/.test(raw) ? Number(raw) : current;
    const rows = await listDeadlines(db, staffActor(request), year);
    return renderAdmin(reply, TaxCalendarPage({ ctx: adminContext(request, reply), year, rows }));
  });
}

/** Puts messages of fields a small form does not show onto one it does, so the summary links somewhere. */
function onto(shown: readonly string[], fallback: string) {
  return (e: FieldError): FieldError => (shown.includes(e.field) ? e : { ...e, field: fallback });
}
