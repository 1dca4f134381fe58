import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../../../i18n/index.js';
import type { HoldDetails } from '../../../../services/booking/citizen-hold.js';
import { appointmentFromSessionHold } from '../../../../services/booking/citizen-hold.js';
import { type Draft, draftOf } from '../../../../services/journey/applicant-form.js';
import { heldPlace } from '../../../../services/journey/held-place.js';
import { HoldGonePage } from '../../../../views/booking/applicant.js';
import { clientSession } from '../../../journey/client-session.js';
import { confirmedAppointment, rememberConfirmation } from '../../../journey/confirmation-cookie.js';
import { ownHold } from '../../../journey/own-hold.js';
import { sendPage } from '../../../page.js';
import type { App } from '../../../types.js';

/** What the steps after the hold (data, consent, review, confirmation) share. */
export const holdHref = (path: string, holdId: string) => `${path}?reserva=${encodeURIComponent(holdId)}`;

/**
 * The hold is no longer there. When this browser confirmed it (the back button, a retry whose answer was
 * lost), its appointment is shown; otherwise the hold ran out, or was never this browser's: 410, and a
 * way to start again.
 */
export async function gone(app: App, request: FastifyRequest, reply: FastifyReply, holdId: string) {
  const confirmed =
    confirmedAppointment(request, holdId) ??
    (await appointmentFromSessionHold(app.deps.database.db, holdId, clientSession(request, reply).key));
  if (confirmed !== undefined) {
    rememberConfirmation(request, reply, holdId, confirmed);
    return reply.redirect(holdHref('/reservar/confirmacion', holdId), 303);
  }
  return sendPage(reply, HoldGonePage({ locale: request.locale, restart: '/reservar' }), 410);
}

export function heldPlaceOf(app: App, hold: HoldDetails, locale: Locale) {
  return heldPlace(app.deps.database.db, hold, locale, app.deps.clock());
}

/**
 * The hold to review or confirm, with what was typed for it; or undefined once the answer is sent: the
 * confirmation when this browser confirmed it already (back button, a second click), the "gone" page when
 * it is no longer this browser's, the data step while nothing was typed.
 */
export async function holdToConfirm(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  holdId: string,
): Promise<{ hold: HoldDetails; draft: Draft & Required<Pick<Draft, 'applicant'>> } | undefined> {
  const hold = confirmedAppointment(request, holdId) ? undefined : await ownHold(app, request, reply, holdId);
  if (!hold) {
    await gone(app, request, reply, holdId);
    return undefined;
  }
  const draft = draftOf(hold);
  if (draft.applicant) return { hold, draft: { ...draft, applicant: draft.applicant } };
  await reply.redirect(holdHref('/reservar/datos', hold.holdId), 303);
  return undefined;
}
