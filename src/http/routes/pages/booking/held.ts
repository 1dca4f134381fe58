import type { FastifyReply } from 'fastify';
import type { Locale } from '../../../../i18n/index.js';
import type { HoldDetails } from '../../../../services/booking/citizen-hold.js';
import { heldPlace } from '../../../../services/journey/held-place.js';
import { HoldGonePage } from '../../../../views/booking/applicant.js';
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
