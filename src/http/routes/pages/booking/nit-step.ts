import { Type } from 'typebox';
import { parseNitEntry } from '../../../../domain/nit.js';
import { LIMITS } from '../../../../security/limits.js';
import { criteriaOf, journeyHref } from '../../../../services/journey/criteria.js';
import { forgetNit, rememberNit } from '../../../journey/nit-cookie.js';
import { routeLimit } from '../../../plugins/rate-limit.js';
import type { App } from '../../../types.js';
import { calendarPage } from './calendar-step.js';
import { criteriaFields, text } from './journey-schemas.js';

const NitPost = Type.Object(
  {
    nit: text(60),
    accion: text(120),
    volver: text(120),
    ...criteriaFields(120),
    mes: text(120),
    _csrf: text(120),
  },
  { additionalProperties: false },
);

/**
 * The NIT box of the calendar and times pages: it keeps the NIT in the sealed journey cookie (never in
 * the address) and goes back to the page it came from.
 */
export function nitStep(app: App): void {
  app.post(
    '/reservar/nit',
    { schema: { hide: true, body: NitPost }, config: { rateLimit: routeLimit(app, LIMITS.search) } },
    async (request, reply) => {
      const body = request.body;
      const criteria = criteriaOf(body);
      const back = journeyHref(body.volver === 'horas' ? '/reservar/horas' : '/reservar/dias', criteria);
      if (body.accion === 'quitar') {
        forgetNit(request, reply);
        return reply.redirect(back, 303);
      }
      const typed = body.nit?.trim() ?? '';
      const entry = parseNitEntry(typed);
      if (!entry.ok) {
        forgetNit(request, reply);
        const key = typed === '' ? 'deadlineNit.required' : `deadlineNit.${entry.problem}`;
        const state = { values: { nit: typed }, errors: [{ field: 'nit', key }] };
        return calendarPage(app, request, reply, { ...criteria, fecha: undefined }, state);
      }
      rememberNit(request, reply, entry.base, app.deps.clock());
      return reply.redirect(back, 303);
    },
  );
}
