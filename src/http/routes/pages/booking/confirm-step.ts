import { LIMITS } from '../../../../security/limits.js';
import { applicantInput } from '../../../../services/journey/applicant-form.js';
import { submitForm } from '../../../forms.js';
import { confirmForClient } from '../../../journey/confirm-for-client.js';
import { rememberConfirmation } from '../../../journey/confirmation-cookie.js';
import { forgetNit } from '../../../journey/nit-cookie.js';
import { routeLimit } from '../../../plugins/rate-limit.js';
import type { App } from '../../../types.js';
import { gone, holdHref, holdToConfirm } from './held.js';
import { CsrfOnly, HoldQuery } from './journey-schemas.js';
import { reviewPage } from './review-step.js';

/** The review's button: the hold becomes the appointment. */
export function confirmStep(app: App): void {
  app.post(
    '/reservar/confirmar',
    {
      schema: { hide: true, querystring: HoldQuery, body: CsrfOnly },
      config: { rateLimit: routeLimit(app, LIMITS.confirm) },
    },
    async (request, reply) => {
      const found = await holdToConfirm(app, request, reply, request.query.reserva ?? '');
      if (!found) return reply;
      const { hold, draft } = found;
      const done = await submitForm(
        () =>
          confirmForClient(app, request, {
            holdId: hold.holdId,
            applicant: applicantInput(draft.applicant),
            consent: draft.consent,
            via: 'web',
          }),
        { shows: ['HOLD_EXPIRED', 'VALIDATION', 'LIMIT_REACHED'], field: 'confirm' },
      );
      if (done.ok) {
        rememberConfirmation(request, reply, hold.holdId, done.value.appointmentId);
        // The NIT served its purpose; the next person at a shared computer should not search with it.
        forgetNit(request, reply);
        return reply.redirect(holdHref('/reservar/confirmacion', hold.holdId), 303);
      }
      if (done.code === 'HOLD_EXPIRED') return gone(app, request, reply, hold.holdId);
      if (done.code === 'VALIDATION') {
        // The data or the consent changed meanwhile (a policy update, a reserved NIT): back to that step.
        const onConsent = done.errors.every((f) => f.field.startsWith('consent'));
        return reply.redirect(
          holdHref(onConsent ? '/reservar/consentimiento' : '/reservar/datos', hold.holdId),
          303,
        );
      }
      return reviewPage(app, request, reply, hold, done.errors, done.status);
    },
  );
}
