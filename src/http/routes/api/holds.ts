import type { Channel } from '../../../domain/channels.js';
import { toBogotaIso } from '../../../domain/civil-time.js';
import { LIMITS } from '../../../security/limits.js';
import { confirmForClient } from '../../journey/confirm-for-client.js';
import { holdForClient } from '../../journey/hold-for-client.js';
import { routeLimit } from '../../plugins/rate-limit.js';
import {
  AppointmentSummary,
  ConfirmBody,
  HoldBody,
  HoldParams,
  HoldReply,
} from '../../schemas/booking-schemas.js';
import { ChallengeReply } from '../../schemas/common.js';
import type { App } from '../../types.js';
import { problems } from './problems.js';

/** Holding a place and confirming it (DESIGN §5), through the same paths as the citizen pages. */
export function holdsApi(app: App): void {
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
      const hold = await holdForClient(app, request, reply, {
        slotId,
        procedure,
        channel: channel as Channel,
        nit,
        altcha,
        allowWithoutProof: false,
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
        response: { 200: AppointmentSummary, 201: AppointmentSummary, ...problems },
      },
    },
    async (request, reply) => {
      const done = await confirmForClient(app, request, {
        holdId: request.params.holdId,
        applicant: request.body.applicant,
        consent: request.body.consent,
        via: 'api',
      });
      // 200 for a retry of a confirmation already done (its answer was lost): the same appointment.
      return reply.code(done.replayed ? 200 : 201).send({
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
}
