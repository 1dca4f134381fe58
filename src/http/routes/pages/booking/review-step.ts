import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../../domain/errors.js';
import type { HoldDetails } from '../../../../services/booking/citizen-hold.js';
import { draftOf } from '../../../../services/journey/applicant-form.js';
import { reviewRows } from '../../../../services/journey/review-rows.js';
import { ReviewPage } from '../../../../views/booking/applicant.js';
import { sendPage } from '../../../page.js';
import { csrfToken } from '../../../plugins/csrf.js';
import type { App } from '../../../types.js';
import { heldPlaceOf, holdHref, holdToConfirm } from './held.js';
import { HoldQuery } from './journey-schemas.js';

/** Step 8, "Revise su solicitud": every answer with its change link, then confirm. */
export async function reviewPage(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  hold: HoldDetails,
  errors: FieldError[] = [],
  status = 200,
) {
  const { locale } = request;
  const { held, criteria } = await heldPlaceOf(app, hold, locale);
  const rows = reviewRows(locale, held, criteria, hold.procedure, draftOf(hold).applicant ?? {});
  return sendPage(
    reply,
    ReviewPage({ locale, held, rows, state: { values: {}, errors }, csrf: csrfToken(reply) }),
    status,
  );
}

export function reviewStep(app: App): void {
  app.get('/reservar/revisar', { schema: { hide: true, querystring: HoldQuery } }, async (request, reply) => {
    const found = await holdToConfirm(app, request, reply, request.query.reserva ?? '');
    if (!found) return reply;
    const { hold, draft } = found;
    if (!draft.consent?.accepted)
      return reply.redirect(holdHref('/reservar/consentimiento', hold.holdId), 303);
    return reviewPage(app, request, reply, hold);
  });
}
