import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { isRemote } from '../../../domain/channels.js';
import { AppError, type FieldError } from '../../../domain/errors.js';
import { formatWhen } from '../../../i18n/format.js';
import { translate } from '../../../i18n/index.js';
import { LIMITS } from '../../../security/limits.js';
import { listOffices } from '../../../services/catalogue/offices.js';
import type { ServiceContext } from '../../../services/context.js';
import {
  cancelManagedAppointment,
  findManagedAppointment,
  rescheduleManagedAppointment,
  rescheduleTarget,
} from '../../../services/journey/manage.js';
import {
  ManageCancelPage,
  ManageDetailsPage,
  ManageLookupPage,
  ManageRescheduleConfirmPage,
} from '../../../views/booking/appointment.js';
import { journeyHref } from '../../../views/booking/criteria.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { endManageSession, managedAppointment, startManageSession } from '../../journey-cookies.js';
import { sendPage } from '../../page.js';
import { csrfToken } from '../../plugins/csrf.js';
import { routeLimit } from '../../plugins/rate-limit.js';
import type { App } from '../../types.js';
import { loadAppointmentCard } from './journey-card.js';

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
  const ctx = (): ServiceContext => ({ db: db(), config: app.deps.config, now: app.deps.clock() });

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
    if (id === undefined) return undefined;
    const found = await loadAppointmentCard(db(), app.deps.config, id, request.locale);
    return found && { id, ...found };
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
      try {
        const id = await findManagedAppointment(db(), { code, documentNumber });
        startManageSession(request, reply, id, app.deps.clock());
        return reply.redirect('/gestionar/cita', 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
        // One answer for a wrong code and a wrong document, so the form reveals nothing about codes.
        return lookupPage(
          request,
          reply,
          { values, errors: [{ field: 'code', key: 'appointment.notFound' }] },
          404,
        );
      }
    },
  );

  app.get('/gestionar/cita', { schema: { hide: true, querystring: NoticeQuery } }, async (request, reply) => {
    const found = await current(request);
    if (!found) return expired(reply);
    const aviso = NOTICES.find((n) => n === request.query.aviso);
    const active = found.view.status === 'booked' && found.view.startsAt > app.deps.clock();
    const criteria = {
      tramite: found.view.procedure,
      canal: found.view.channel,
      cambio: '1',
    };
    const rescheduleHref = isRemote(found.view.channel)
      ? journeyHref('/reservar/dias', criteria)
      : journeyHref('/reservar/dias', { ...criteria, oficina: found.view.officeCode });
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      ManageDetailsPage({
        locale: request.locale,
        card: found.card,
        notice:
          aviso === 'cancelada' || aviso === 'cambiada'
            ? translate(request.locale, `journey.manage.notice.${aviso}`, { code: found.view.code })
            : undefined,
        rescheduleHref,
        active,
        csrf: csrfToken(reply),
      }),
    );
  });

  app.get('/gestionar/cancelar', { schema: { hide: true } }, async (request, reply) => {
    const found = await current(request);
    if (!found) return expired(reply);
    if (found.view.status !== 'booked') return reply.redirect('/gestionar/cita', 303);
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
      try {
        await cancelManagedAppointment(ctx(), id);
      } catch (err) {
        // Cancelled already (a second click, the back button): the appointment's page says so.
        if (!(err instanceof AppError) || err.code !== 'CONFLICT') throw err;
      }
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
    const facts = await rescheduleTarget(db(), slotId, found.view.procedure);
    if (!facts) return reply.redirect('/gestionar/cita', 303);
    const office = (await listOffices(db(), request.locale)).find((o) => o.code === facts.officeCode);
    const remote = isRemote(found.view.channel);
    return sendPage(
      reply,
      ManageRescheduleConfirmPage({
        locale: request.locale,
        card: found.card,
        newWhen: `${formatWhen(facts.startsAt, request.locale)} ${translate(request.locale, 'journey.bogotaTime')}`,
        newPlace: remote
          ? found.card.channel
          : office
            ? `${office.name}, ${office.address}, ${office.city}`
            : facts.officeCode,
        slotId,
        csrf: csrfToken(reply),
        back: journeyHref('/reservar/horas', {
          tramite: found.view.procedure,
          canal: found.view.channel,
          oficina: remote ? undefined : facts.officeCode,
          fecha: facts.localDate,
          cambio: '1',
        }),
        state,
      }),
      status,
    );
  }

  app.get(
    '/gestionar/cambiar',
    { schema: { hide: true, querystring: ChangeQuery } },
    async (request, reply) => {
      const slotId = /^\d{1,10}$/.test(request.query.horario ?? '')
        ? Number(request.query.horario)
        : undefined;
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
      const slotId = /^\d{1,10}$/.test(request.body.horario ?? '') ? Number(request.body.horario) : undefined;
      if (!slotId) return reply.redirect('/gestionar/cita', 303);
      try {
        const moved = await rescheduleManagedAppointment(ctx(), id, slotId);
        startManageSession(request, reply, moved.appointmentId, app.deps.clock());
        return reply.redirect('/gestionar/cita?aviso=cambiada', 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code === 'CONFLICT') return reply.redirect('/gestionar/cita', 303);
        if (!['SLOT_FULL', 'NOT_FOUND', 'VALIDATION'].includes(err.code)) throw err;
        const errors: FieldError[] =
          err.fieldErrors.length > 0
            ? err.fieldErrors.map((f) => ({ ...f, field: 'horario' }))
            : [{ field: 'horario', key: err.key, params: err.params }];
        return changePage(request, reply, slotId, { values: {}, errors }, 409);
      }
    },
  );

  app.post('/gestionar/salir', { schema: { hide: true, body: CsrfOnly } }, async (_request, reply) => {
    endManageSession(reply);
    return reply.redirect('/gestionar?aviso=salida', 303);
  });
}
