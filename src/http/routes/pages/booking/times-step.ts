import type { FastifyReply, FastifyRequest } from 'fastify';
import { isCivilDate } from '../../../../domain/civil-time.js';
import { LIMITS } from '../../../../security/limits.js';
import { alternativesFor } from '../../../../services/journey/alternatives.js';
import { officesFor } from '../../../../services/journey/choice.js';
import { contextLine, departmentsOf } from '../../../../services/journey/context-line.js';
import { type Criteria, criteriaOf, journeyHref } from '../../../../services/journey/criteria.js';
import { dayTimes } from '../../../../services/journey/day-search.js';
import { releaseNotices } from '../../../../services/journey/release-notice.js';
import { slotGroups } from '../../../../services/journey/slot-groups.js';
import { TimesPage } from '../../../../views/booking/calendar.js';
import { emptyForm, type FormState } from '../../../../views/components/form.js';
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

/**
 * Step 5, the times of a day with places left; choosing one holds it. Also shown again by the hold step
 * when the chosen time could not be held (`form`: its messages and status).
 */
export async function timesPage(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  criteria: Criteria,
  form: { state: FormState; status: number } = { state: emptyForm(), status: 200 },
) {
  const choice = await requireChoice(app, request, reply, criteria);
  if (!choice) return reply;
  const ctx = serviceContext(app);
  const offices = await officesFor(ctx.db, request.locale, choice);
  const date = criteria.fecha ?? '';
  const dayCriteria = { ...criteria, fecha: undefined, mes: date.slice(0, 7) || undefined };
  if (!isCivilDate(date)) return reply.redirect(journeyHref('/reservar/dias', dayCriteria), 303);
  const nit = searchNit(app, request, criteria);
  const found = await submitForm(() => dayTimes(ctx, choice, criteria, date, nit), { shows: ['VALIDATION'] });
  const national = !choice.channel.remote && !criteria.oficina && !criteria.ciudad;
  return sendPage(
    reply,
    TimesPage({
      locale: request.locale,
      date,
      context: contextLine(request.locale, choice, criteria, offices),
      criteria,
      back: journeyHref('/reservar/dias', dayCriteria),
      groups: found.ok ? slotGroups(found.value, choice, offices, request.locale) : [],
      alternatives: alternativesFor(choice, criteria, offices, ctx.config, ctx.now),
      state: { values: form.state.values, errors: [...form.state.errors, ...(found.ok ? [] : found.errors)] },
      mode: criteria.cambio
        ? { kind: 'reschedule' }
        : { kind: 'hold', csrf: csrfToken(reply), captcha: app.deps.config.captcha },
      departments: national ? [...departmentsOf(offices)].map(([code, name]) => ({ code, name })) : undefined,
      deadlineNit: nit ? await deadlineNitBox(app, request, nit, { date }) : undefined,
      releases: criteria.cambio ? undefined : await releaseNotices(ctx.db, choice, criteria, ctx.now, date),
    }),
    form.status === 200 && !found.ok ? found.status : form.status,
  );
}

export function timesStep(app: App): void {
  app.get(
    '/reservar/horas',
    {
      schema: { hide: true, querystring: CriteriaQuery },
      config: { rateLimit: routeLimit(app, LIMITS.search) },
    },
    async (request, reply) => timesPage(app, request, reply, criteriaOf(request.query)),
  );
}
