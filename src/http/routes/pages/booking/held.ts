import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../../../i18n/index.js';
import type { HoldDetails } from '../../../../services/booking/citizen-hold.js';
import { type Draft, draftOf } from '../../../../services/journey/applicant-form.js';
import { heldPlace } from '../../../../services/journey/held-place.js';
import { HoldGonePage } from '../../../../views/booking/applicant.js';
import { confirmedAppointment } from '../../../journey/confirmation-cookie.js';
import { ownHold } from '../../../journey/own-hold.js';
import { sendPage } from '../../../page.js';
import type { App } from '../../../types.js';

/** What the steps after the hold (data, consent, review, confirmation) share. */
export const holdHref = (path: string, holdId: string) => `${path}?reserva=${encodeURIComponent(holdId)}`;

/** The hold ran out, or was never this browser's: 410, and a way to start again. */
export function gone(reply: FastifyReply, locale: Locale) {
  return sendPage(reply, HoldGonePage({ locale, restart: '/reservar' }), 410);
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
  if (confirmedAppointment(request, holdId)) {
    await reply.redirect(holdHref('/reservar/confirmacion', holdId), 303);
    return undefined;
  }
  const hold = await ownHold(app, request, reply, holdId);
  if (!hold) {
    await gone(reply, request.locale);
    return undefined;
  }
  const draft = draftOf(hold);
  if (draft.applicant) return { hold, draft: { ...draft, applicant: draft.applicant } };
  await reply.redirect(holdHref('/reservar/datos', hold.holdId), 303);
  return undefined;
}
