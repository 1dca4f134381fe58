import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FieldError } from '../../../domain/errors.js';
import { translate } from '../../../i18n/index.js';
import { LIMITS } from '../../../security/limits.js';
import { findAppointmentId } from '../../../services/appointments.js';
import { loadAppointmentCard } from '../../../services/journey/appointment-card.js';
import {
  cancelManagedAppointment,
  rescheduleChoice,
  rescheduleManagedAppointment,
  rescheduleStart,
} from '../../../services/journey/manage.js';
import {
  ManageCancelPage,
  ManageDetailsPage,
  ManageLookupPage,
  ManageRescheduleConfirmPage,
} from '../../../views/booking/appointment.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { submitForm } from '../../forms.js';
import { endManageSession, managedAppointment, startManageSession } from '../../journey/manage-session.js';
import { serviceContext } from '../../journey/service-context.js';
import { sendPage } from '../../page.js';
import { csrfToken } from '../../plugins/csrf.js';
import { routeLimit } from '../../plugins/rate-limit.js';
import type { App } from '../../types.js';
import { slotIdOf } from './booking/journey-schemas.js';

const TEXT = Type.Optional(Type.String({ maxLength: 200 }));
const LookupPost = Type.Object(
  { _csrf: TEXT, code: TEXT, documentNumber: TEXT },
  { additionalProperties: false },
);
const NoticeQuery = Type.Object({ aviso: TEXT });
const ChangeQuery = Type.Object({
  horario: TEXT,
  fecha: TEXT,
  oficina: TEXT,
  ciudad: TEXT,
  departamento: TEXT,
  reserva: TEXT,
});
const ChangePost = Type.Object({ _csrf: TEXT, horario: TEXT }, { additionalProperties: false });
const CsrfOnly = Type.Object({ _csrf: TEXT }, { additionalProperties: false });

const NOTICES = ['cancelada', 'cambiada', 'vencida', 'salida'] as const;

/** Gestionar cita: code + document once, then the appointment's page, cancel and reschedule. */
export async function managePages(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  function lookupPage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    status = 200,
    notice?: string,
  ) {
    return sendPage(
      reply,
      ManageLookupPage({ locale: request.locale, state, csrf: csrfToken(reply), notice }),
      status,
    );
  }

  async function current(request: FastifyRequest) {
    const id = managedAppointment(request, app.deps.clock());
    return id === undefined ? undefined : loadAppointmentCard(db(), app.deps.config, id, request.locale);
  }

  const expired = (reply: FastifyReply) => reply.redirect('/gestionar?aviso=vencida', 303);

  app.get('/gestionar', { schema: { hide: true, querystring: NoticeQuery } }, async (request, reply) => {
    const aviso = NOTICES.find((n) => n === request.query.aviso);
    return lookupPage(
      request,
      reply,
      emptyForm(),
      200,
      aviso === 'vencida' || aviso === 'salida'
        ? translate(request.locale, `journey.manage.notice.${aviso}`)
        : undefined,
    );
  });

  app.post(
    '/gestionar',
    { schema: { hide: true, body: LookupPost }, config: { rateLimit: routeLimit(app, LIMITS.lookup) } },
    async (request, reply) => {
      const code = request.body.code ?? '';
      const documentNumber = request.body.documentNumber ?? '';
      const values = { code, documentNumber };
      const errors: FieldError[] = [];
      if (!code.trim()) errors.push({ field: 'code', key: 'journey.manage.codeRequired' });
      if (!documentNumber.trim())
        errors.push({ field: 'documentNumber', key: 'journey.manage.documentRequired' });
      if (errors.length > 0) return lookupPage(request, reply, { values, errors }, 400);
      // One answer for a wrong code and a wrong document, so the form reveals nothing about codes.
      const found = await submitForm(() => findAppointmentId(db(), { code, documentNumber }), {
        shows: ['NOT_FOUND'],
        field: 'code',
      });
      if (!found.ok) return lookupPage(request, reply, { values, errors: found.errors }, found.status);
      startManageSession(request, reply, found.value, app.deps.clock());
      return reply.redirect('/gestionar/cita', 303);
    },
  );

  app.get('/gestionar/cita', { schema: { hide: true, querystring: NoticeQuery } }, async (request, reply) => {
    const found = await current(request);
    if (!found) return expired(reply);
    const aviso = NOTICES.find((n) => n === request.query.aviso);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      ManageDetailsPage({
        locale: request.locale,
        card: found.card,
        notice:
          aviso === 'cancelada' || aviso === 'cambiada'
            ? translate(request.locale, `journey.manage.notice.${aviso}`, { code: found.details.code })
            : undefined,
        rescheduleHref: rescheduleStart(found.details),
        active: found.details.status === 'booked' && found.details.startsAt > app.deps.clock(),
        csrf: csrfToken(reply),
      }),
    );
  });

  app.get('/gestionar/cancelar', { schema: { hide: true } }, async (request, reply) => {
    const found = await current(request);
    if (!found) return expired(reply);
    if (found.details.status !== 'booked') return reply.redirect('/gestionar/cita', 303);
    return sendPage(
      reply,
      ManageCancelPage({ locale: request.locale, card: found.card, csrf: csrfToken(reply) }),
    );
  });

  app.post(
    '/gestionar/cancelar',
    { schema: { hide: true, body: CsrfOnly }, config: { rateLimit: routeLimit(app, LIMITS.lookup) } },
    async (request, reply) => {
      const id = managedAppointment(request, app.deps.clock());
      if (id === undefined) return expired(reply);
      // Cancelled already (a second click, the back button): the appointment's page says so.
      await submitForm(() => cancelManagedAppointment(serviceContext(app), id), { shows: ['CONFLICT'] });
      return reply.redirect('/gestionar/cita?aviso=cancelada', 303);
    },
  );

  async function changePage(
    request: FastifyRequest,
    reply: FastifyReply,
    slotId: number,
    state: FormState,
    status = 200,
  ) {
    const found = await current(request);
    if (!found) return expired(reply);
    const target = await rescheduleChoice(db(), slotId, found.details, request.locale);
    if (!target) return reply.redirect('/gestionar/cita', 303);
    return sendPage(
      reply,
      ManageRescheduleConfirmPage({
        locale: request.locale,
        card: found.card,
        newWhen: target.when,
        newPlace: target.place,
        slotId,
        csrf: csrfToken(reply),
        back: target.back,
        state,
      }),
      status,
    );
  }

  app.get(
    '/gestionar/cambiar',
    { schema: { hide: true, querystring: ChangeQuery } },
    async (request, reply) => {
      const slotId = slotIdOf(request.query.horario);
      if (!slotId) return reply.redirect('/gestionar/cita', 303);
      return changePage(request, reply, slotId, emptyForm());
    },
  );

  app.post(
    '/gestionar/cambiar',
    { schema: { hide: true, body: ChangePost }, config: { rateLimit: routeLimit(app, LIMITS.lookup) } },
    async (request, reply) => {
      const id = managedAppointment(request, app.deps.clock());
      if (id === undefined) return expired(reply);
      const slotId = slotIdOf(request.body.horario);
      if (!slotId) return reply.redirect('/gestionar/cita', 303);
      const moved = await submitForm(() => rescheduleManagedAppointment(serviceContext(app), id, slotId), {
        shows: ['CONFLICT', 'SLOT_FULL', 'NOT_FOUND', 'VALIDATION'],
        field: 'horario',
        oneQuestion: true,
      });
      if (moved.ok) {
        startManageSession(request, reply, moved.value.appointmentId, app.deps.clock());
        return reply.redirect('/gestionar/cita?aviso=cambiada', 303);
      }
      // No longer active (cancelled, or past): the appointment's page says so.
      if (moved.code === 'CONFLICT') return reply.redirect('/gestionar/cita', 303);
      return changePage(request, reply, slotId, { values: {}, errors: moved.errors }, moved.status);
    },
  );

  app.post('/gestionar/salir', { schema: { hide: true, body: CsrfOnly } }, async (_request, reply) => {
    endManageSession(reply);
    return reply.redirect('/gestionar?aviso=salida', 303);
  });
}
