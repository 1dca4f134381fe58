import type { FastifyReply, FastifyRequest } from 'fastify';
import { translate } from '../../../../i18n/index.js';
import { LIMITS } from '../../../../security/limits.js';
import { alternativesFor } from '../../../../services/journey/alternatives.js';
import { officesFor } from '../../../../services/journey/choice.js';
import { contextLine } from '../../../../services/journey/context-line.js';
import {
  type Criteria,
  criteriaOf,
  journeyBase,
  journeyHref,
} from '../../../../services/journey/criteria.js';
import { calendarDays, calendarMonths } from '../../../../services/journey/day-search.js';
import { releaseNotices } from '../../../../services/journey/release-notice.js';
import { DaysPage } from '../../../../views/booking/calendar.js';
import type { FormState } from '../../../../views/components/form.js';
import { submitForm } from '../../../forms.js';
import { searchNit } from '../../../journey/nit-cookie.js';
import { serviceContext } from '../../../journey/service-context.js';
import { sendPage } from '../../../page.js';
import { csrfToken } from '../../../plugins/csrf.js';
import { routeLimit } from '../../../plugins/rate-limit.js';
import type { App } from '../../../types.js';
import { requireChoice } from './choice-pages.js';
import { deadlineNitBox } from './deadline-nit-box.js';
import { CriteriaQuery } from './journey-schemas.js';

/** Where the calendar's back link goes: the channel (remote), the place step, or the search mode. */
function backFrom(criteria: Criteria, remote: boolean): string {
  if (remote) return journeyHref('/reservar/atencion', journeyBase(criteria));
  if (criteria.oficina || criteria.ciudad)
    return journeyHref('/reservar/lugar', criteria, { oficina: undefined, mes: undefined, fecha: undefined });
  return journeyHref('/reservar/buscar', journeyBase(criteria));
}

/**
 * Step 4, the calendar of days with room. `nitState` is a NIT that was just refused: the calendar is
 * then shown without any NIT, with the form and its message.
 */
export async function calendarPage(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  criteria: Criteria,
  nitState?: FormState,
) {
  const nit = nitState ? undefined : searchNit(app, request, criteria);
  const choice = await requireChoice(app, request, reply, criteria);
  if (!choice) return reply;
  const ctx = serviceContext(app);
  const offices = await officesFor(ctx.db, request.locale, choice);
  const found = await submitForm(() => calendarDays(ctx, choice, criteria, nit), { shows: ['VALIDATION'] });
  const days = found.ok ? found.value : new Map<string, number>();
  const errors = [...(found.ok ? [] : found.errors), ...(nitState?.errors ?? [])];
  return sendPage(
    reply,
    DaysPage({
      locale: request.locale,
      title: translate(request.locale, 'journey.days.title'),
      context: contextLine(request.locale, choice, criteria, offices),
      criteria: { ...criteria, mes: undefined, fecha: undefined },
      back: backFrom(criteria, choice.channel.remote),
      ...calendarMonths(ctx, criteria.mes, days),
      days,
      alternatives: alternativesFor(choice, criteria, offices, ctx.config, ctx.now),
      state: { values: nitState?.values ?? {}, errors },
      releases: criteria.cambio ? undefined : await releaseNotices(ctx.db, choice, criteria, ctx.now),
      deadlineNit: criteria.cambio
        ? undefined
        : { nit: await deadlineNitBox(app, request, nit, { state: nitState }), csrf: csrfToken(reply) },
    }),
    found.ok ? (nitState ? 400 : 200) : found.status,
  );
}

export function calendarStep(app: App): void {
  app.get(
    '/reservar/dias',
    {
      schema: { hide: true, querystring: CriteriaQuery },
      config: { rateLimit: routeLimit(app, LIMITS.search) },
    },
    async (request, reply) => calendarPage(app, request, reply, criteriaOf(request.query)),
  );
}
