import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { formatNit } from '../../../../domain/nit.js';
import { type HoldDetails, saveHoldDraft } from '../../../../services/booking/citizen-hold.js';
import {
  APPLICANT_FIELDS,
  applicantErrors,
  dataFormValues,
  draftOf,
  typedValues,
} from '../../../../services/journey/applicant-form.js';
import { journeyHref } from '../../../../services/journey/criteria.js';
import { DataPage } from '../../../../views/booking/applicant.js';
import { emptyForm, type FormState } from '../../../../views/components/form.js';
import { ownHold } from '../../../journey/own-hold.js';
import { sendPage } from '../../../page.js';
import { csrfToken } from '../../../plugins/csrf.js';
import type { App } from '../../../types.js';
import { gone, heldPlaceOf, holdHref } from './held.js';
import { HoldQuery, text } from './journey-schemas.js';

const DataPost = Type.Object(
  { _csrf: text(300), ...Object.fromEntries(APPLICANT_FIELDS.map((f) => [`applicant.${f}`, text(300)])) },
  { additionalProperties: false },
);

/** Step 7: the person's data, asked only now that the place is theirs. */
export function dataStep(app: App): void {
  async function dataPage(
    request: FastifyRequest,
    reply: FastifyReply,
    hold: HoldDetails,
    state: FormState,
    status = 200,
  ) {
    const { held, criteria } = await heldPlaceOf(app, hold, request.locale);
    return sendPage(
      reply,
      DataPage({
        locale: request.locale,
        held,
        state,
        csrf: csrfToken(reply),
        back: journeyHref('/reservar/horas', criteria, { reserva: undefined }),
        reservedNit: hold.reservedFor ? formatNit(hold.reservedFor) : undefined,
      }),
      status,
    );
  }

  app.get('/reservar/datos', { schema: { hide: true, querystring: HoldQuery } }, async (request, reply) => {
    const hold = await ownHold(app, request, reply, request.query.reserva);
    if (!hold) return gone(app, request, reply, request.query.reserva ?? '');
    return dataPage(request, reply, hold, emptyForm(dataFormValues(hold)));
  });

  app.post(
    '/reservar/datos',
    { schema: { hide: true, querystring: HoldQuery, body: DataPost } },
    async (request, reply) => {
      const hold = await ownHold(app, request, reply, request.query.reserva);
      if (!hold) return gone(app, request, reply, request.query.reserva ?? '');
      const body = request.body as Record<string, string | undefined>;
      const typed = Object.fromEntries(APPLICANT_FIELDS.map((f) => [f, body[`applicant.${f}`] ?? '']));
      const errors = applicantErrors(typed, hold.reservedFor);
      // A refused form stores nothing: what was typed comes back in this answer only.
      if (errors.length > 0)
        return dataPage(request, reply, hold, { values: typedValues(typed), errors }, 400);
      const draft = { ...draftOf(hold), applicant: typed };
      if (!(await saveHoldDraft(app.deps.database.db, hold.holdId, draft, app.deps.clock())))
        return gone(app, request, reply, request.query.reserva ?? '');
      const next = draft.consent?.accepted ? '/reservar/revisar' : '/reservar/consentimiento';
      return reply.redirect(holdHref(next, hold.holdId), 303);
    },
  );
}
