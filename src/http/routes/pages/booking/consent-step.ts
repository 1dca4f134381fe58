import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { validateConsent } from '../../../../domain/applicant.js';
import { POLICY_VERSION } from '../../../../domain/privacy-policy.js';
import { type HoldDetails, saveHoldDraft } from '../../../../services/booking/citizen-hold.js';
import { draftOf } from '../../../../services/journey/applicant-form.js';
import { ConsentPage } from '../../../../views/booking/applicant.js';
import { emptyForm, type FormState } from '../../../../views/components/form.js';
import { ownHold } from '../../../journey/own-hold.js';
import { sendPage } from '../../../page.js';
import { csrfToken } from '../../../plugins/csrf.js';
import type { App } from '../../../types.js';
import { gone, heldPlaceOf, holdHref } from './held.js';
import { HoldQuery, text } from './journey-schemas.js';

const ConsentPost = Type.Object(
  { _csrf: text(300), 'consent.accepted': text(300), 'consent.policyVersion': text(300) },
  { additionalProperties: false },
);

/** Step 7b: explicit consent to the personal-data policy, whose version is recorded. */
export function consentStep(app: App): void {
  async function consentPage(
    request: FastifyRequest,
    reply: FastifyReply,
    hold: HoldDetails,
    state: FormState,
    status = 200,
  ) {
    const { held } = await heldPlaceOf(app, hold, request.locale);
    return sendPage(
      reply,
      ConsentPage({
        locale: request.locale,
        held,
        state,
        csrf: csrfToken(reply),
        policyVersion: POLICY_VERSION,
      }),
      status,
    );
  }

  app.get(
    '/reservar/consentimiento',
    { schema: { hide: true, querystring: HoldQuery } },
    async (request, reply) => {
      const hold = await ownHold(app, request, reply, request.query.reserva);
      if (!hold) return gone(app, request, reply, request.query.reserva ?? '');
      const draft = draftOf(hold);
      if (!draft.applicant) return reply.redirect(holdHref('/reservar/datos', hold.holdId), 303);
      const accepted = draft.consent?.accepted && draft.consent.policyVersion === POLICY_VERSION;
      return consentPage(request, reply, hold, emptyForm({ 'consent.accepted': accepted ? 'on' : '' }));
    },
  );

  app.post(
    '/reservar/consentimiento',
    { schema: { hide: true, querystring: HoldQuery, body: ConsentPost } },
    async (request, reply) => {
      const hold = await ownHold(app, request, reply, request.query.reserva);
      if (!hold) return gone(app, request, reply, request.query.reserva ?? '');
      const consent = {
        accepted: request.body['consent.accepted'] === 'on',
        policyVersion: request.body['consent.policyVersion'] ?? '',
      };
      const errors = validateConsent(consent).map((e) => ({ ...e, field: 'consent.accepted' }));
      if (errors.length > 0) return consentPage(request, reply, hold, { values: {}, errors }, 400);
      if (
        !(await saveHoldDraft(
          app.deps.database.db,
          hold.holdId,
          { ...draftOf(hold), consent },
          app.deps.clock(),
        ))
      )
        return gone(app, request, reply, request.query.reserva ?? '');
      return reply.redirect(holdHref('/reservar/revisar', hold.holdId), 303);
    },
  );
}
