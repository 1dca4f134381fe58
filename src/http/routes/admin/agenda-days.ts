import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access.js';
import type { FieldError } from '../../../domain/errors.js';
import { idParam } from '../../../services/agenda/access.js';
import { getLine } from '../../../services/agenda/capacity-lines.js';
import { closeAgenda } from '../../../services/agenda/closures.js';
import {
  daySlots,
  setDeadlineReservation,
  setSlotCapacity,
  slotOfLine,
} from '../../../services/agenda/slots.js';
import { DayPage, SlotFormPage } from '../../../views/admin/agenda-day-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

type IdParams = { Params: { id: string } };
type DayParams = { Params: { id: string; date: string } };
type SlotParams = { Params: { id: string; slotId: string } };

/** A published day of a line: its slots, a slot's places, the deadline-day reserve, closing the day. */
export async function agendaDayRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const view = requireStaff({ permission: 'agenda.view' });
  const manage = requireStaff({ permission: 'agenda.manage' });
  const now = () => app.deps.clock();

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
    const data = await slotOfLine(db, actor, lineId, slotId);
    return renderAdmin(
      reply,
      SlotFormPage({
        ctx: adminContext(request, reply),
        state: state ?? emptyForm({ capacity: String(data.slot.capacity) }),
        line: data.line,
        slot: data.slot,
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
}

/** Puts messages of fields a small form does not show onto one it does, so the summary links somewhere. */
function onto(shown: readonly string[], fallback: string) {
  return (e: FieldError): FieldError => (shown.includes(e.field) ? e : { ...e, field: fallback });
}
