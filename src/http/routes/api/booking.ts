import type { FastifyReply } from 'fastify';
import type { Channel } from '../../../domain/channels.js';
import { toBogotaIso } from '../../../domain/civil-time.js';
import type { SlotWithRoom } from '../../../repositories/availability.js';
import { LIMITS } from '../../../security/limits.js';
import {
  cancelAppointment,
  lookupAppointment,
  normaliseLookupDocument,
  rescheduleAppointment,
  viewAppointment,
} from '../../../services/appointments.js';
import { findDays, findFirstAvailable, findSlots } from '../../../services/availability.js';
import { confirmHold, placeHold, sessionKeyOf } from '../../../services/booking.js';
import type { ServiceContext } from '../../../services/context.js';
import { clientSession } from '../../client-session.js';
import { admitHold } from '../../hold-admission.js';
import { enforceLimit, routeLimit } from '../../plugins/rate-limit.js';
import {
  AppointmentDetails,
  AppointmentSummary,
  CancelBody,
  CancelReply,
  CodeParams,
  ConfirmBody,
  DaysQuery,
  DaysReply,
  FirstQuery,
  FirstReply,
  HoldBody,
  HoldParams,
  HoldReply,
  LookupBody,
  RescheduleBody,
  SlotsQuery,
  SlotsReply,
} from '../../schemas/booking-api.js';
import { ChallengeReply, ProblemSchema } from '../../schemas/common.js';
import type { App } from '../../types.js';

const problems = {
  400: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  410: ProblemSchema,
  422: ProblemSchema,
};

function slotItem(s: SlotWithRoom) {
  return {
    slotId: s.slotId,
    officeCode: s.officeCode,
    startsAt: toBogotaIso(s.startsAt),
    endsAt: toBogotaIso(s.endsAt),
    available: s.available,
  };
}

/**
 * The JSON of a search's answer, made once per answer. A cached answer is the very same array for every
 * request it serves, so its serialisation (with the slots' times formatted) is kept beside it, for as
 * long as the cache keeps the answer: a cached search then costs no serialising at all.
 */
const bodies = new WeakMap<object, string>();

function sendOnce<T extends object>(
  reply: FastifyReply,
  found: T,
  payload: (found: T) => unknown,
): FastifyReply {
  let body = bodies.get(found);
  if (body === undefined) {
    body = String(reply.serialize(payload(found)));
    bodies.set(found, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
}

/** The public booking API (DESIGN §5): each handler validates by schema and calls one service. */
export async function bookingApi(app: App): Promise<void> {
  const ctx = (): ServiceContext => ({
    db: app.deps.database.db,
    config: app.deps.config,
    now: app.deps.clock(),
  });

  app.get(
    '/challenge',
    {
      config: { rateLimit: routeLimit(app, LIMITS.challenge) },
      schema: {
        tags: ['booking'],
        summary: 'A proof-of-work challenge (ALTCHA) to solve before POST /holds when CAPTCHA is on',
        response: { 200: ChallengeReply },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return app.proofOfWork.challenge(app.deps.clock());
    },
  );

  app.get(
    '/availability/days',
    {
      schema: {
        tags: ['availability'],
        summary: 'Days with room',
        querystring: DaysQuery,
        response: { 200: DaysReply, ...problems },
      },
    },
    async (request, reply) => sendOnce(reply, await findDays(ctx(), request.query), (items) => ({ items })),
  );

  app.get(
    '/availability/slots',
    {
      schema: {
        tags: ['availability'],
        summary: 'Times of a day with places left',
        querystring: SlotsQuery,
        response: { 200: SlotsReply, ...problems },
      },
    },
    async (request, reply) =>
      sendOnce(reply, await findSlots(ctx(), request.query), (slots) => ({ items: slots.map(slotItem) })),
  );

  app.get(
    '/availability/first',
    {
      config: { rateLimit: routeLimit(app, LIMITS.search) },
      schema: {
        tags: ['availability'],
        summary: 'First free time per office near a city (the city, then its department, then the country)',
        querystring: FirstQuery,
        response: { 200: FirstReply, ...problems },
      },
    },
    async (request) => {
      const found = await findFirstAvailable(ctx(), request.query);
      return { scope: found.scope, items: found.items.map(slotItem) };
    },
  );

  app.post(
    '/holds',
    {
      config: { rateLimit: routeLimit(app, LIMITS.hold) },
      schema: {
        tags: ['booking'],
        summary: 'Hold one place for HOLD_SECONDS',
        body: HoldBody,
        response: { 201: HoldReply, ...problems },
      },
    },
    async (request, reply) => {
      const { slotId, procedure, channel, altcha, nit } = request.body;
      await admitHold(app, request, altcha, { allowWithoutProof: false });
      const session = clientSession(request, reply);
      const hold = await placeHold(ctx(), {
        slotId,
        procedure,
        channel: channel as Channel,
        sessionKey: sessionKeyOf(session.id),
        freshSession: session.fresh,
        nit,
      });
      return reply.code(201).send({ holdId: hold.holdId, expiresAt: toBogotaIso(hold.expiresAt) });
    },
  );

  app.post(
    '/holds/:holdId/confirm',
    {
      config: { rateLimit: routeLimit(app, LIMITS.confirm) },
      schema: {
        tags: ['booking'],
        summary: 'Confirm a hold with the applicant’s data and consent',
        params: HoldParams,
        body: ConfirmBody,
        response: { 201: AppointmentSummary, ...problems },
      },
    },
    async (request, reply) => {
      await enforceLimit(
        app,
        LIMITS.confirmPerDocument,
        normaliseLookupDocument(request.body.applicant.documentNumber),
      );
      const done = await confirmHold(ctx(), {
        holdId: request.params.holdId,
        applicant: request.body.applicant,
        consent: request.body.consent,
        via: 'api',
        locale: request.locale,
      });
      return reply.code(201).send({
        code: done.code,
        status: done.status,
        procedure: done.procedure,
        channel: done.channel,
        officeCode: done.officeCode,
        startsAt: toBogotaIso(done.startsAt),
        endsAt: toBogotaIso(done.endsAt),
      });
    },
  );

  const details = (v: Awaited<ReturnType<typeof lookupAppointment>>) => ({
    code: v.code,
    status: v.status,
    procedure: v.procedure,
    procedureName: v.procedureName,
    channel: v.channel,
    officeCode: v.officeCode,
    officeName: v.officeName,
    officeAddress: v.officeAddress,
    city: v.city,
    startsAt: toBogotaIso(v.startsAt),
    endsAt: toBogotaIso(v.endsAt),
    requirements: v.requirements,
    firstName: v.firstName,
    lastName: v.lastName,
    rescheduledTo: v.rescheduledTo,
  });

  app.post(
    '/appointments/lookup',
    {
      config: { rateLimit: routeLimit(app, LIMITS.lookup) },
      schema: {
        tags: ['manage'],
        summary: 'Find an appointment by code and document number',
        body: LookupBody,
        response: { 200: AppointmentDetails, ...problems },
      },
    },
    async (request) => details(await lookupAppointment(app.deps.database.db, request.body, request.locale)),
  );

  app.post(
    '/appointments/:code/cancel',
    {
      config: { rateLimit: routeLimit(app, LIMITS.lookup) },
      schema: {
        tags: ['manage'],
        summary: 'Cancel an appointment',
        params: CodeParams,
        body: CancelBody,
        response: { 200: CancelReply, ...problems },
      },
    },
    async (request) =>
      cancelAppointment(ctx(), { code: request.params.code, documentNumber: request.body.documentNumber }),
  );

  app.post(
    '/appointments/:code/reschedule',
    {
      config: { rateLimit: routeLimit(app, LIMITS.lookup) },
      schema: {
        tags: ['manage'],
        summary: 'Move an appointment to another slot of the same procedure and channel',
        params: CodeParams,
        body: RescheduleBody,
        response: { 200: AppointmentDetails, ...problems },
      },
    },
    async (request) => {
      const moved = await rescheduleAppointment(ctx(), { code: request.params.code, ...request.body });
      const view = await viewAppointment(app.deps.database.db, { id: moved.appointmentId }, request.locale);
      if (!view) throw new Error('rescheduled appointment vanished');
      return details(view);
    },
  );
}
