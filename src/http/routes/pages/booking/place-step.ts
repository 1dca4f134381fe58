import { LIMITS } from '../../../../security/limits.js';
import { findFirstAvailable } from '../../../../services/availability.js';
import { officesFor } from '../../../../services/journey/choice.js';
import { criteriaOf, journeyBase, journeyHref } from '../../../../services/journey/criteria.js';
import { firstFreeLinks, placeAnswers, placeOptions } from '../../../../services/journey/place-answers.js';
import { PlacePage } from '../../../../views/booking/choose.js';
import { searchNit } from '../../../journey/nit-cookie.js';
import { serviceContext } from '../../../journey/service-context.js';
import { sendPage } from '../../../page.js';
import { routeLimit } from '../../../plugins/rate-limit.js';
import type { App } from '../../../types.js';
import { requireInPersonChoice } from './choice-pages.js';
import { CriteriaQuery } from './journey-schemas.js';

/** Step 3 by place: department → city → office, with the first free times near the chosen city. */
export function placeStep(app: App): void {
  app.get(
    '/reservar/lugar',
    {
      schema: { hide: true, querystring: CriteriaQuery },
      config: { rateLimit: routeLimit(app, LIMITS.search) },
    },
    async (request, reply) => {
      const criteria = criteriaOf(request.query);
      const choice = await requireInPersonChoice(app, request, reply, criteria);
      if (!choice) return reply;
      const base = journeyBase(criteria);
      const offices = await officesFor(app.deps.database.db, request.locale, choice);
      const { place, errors, chosen } = placeAnswers(offices, criteria, request.query.paso);
      if (chosen) return reply.redirect(journeyHref('/reservar/dias', base, chosen), 303);
      const firstFree = place.ciudad
        ? (
            await findFirstAvailable(serviceContext(app), {
              procedure: choice.procedure.code,
              channel: choice.channel.code,
              city: place.ciudad,
              nit: searchNit(app, request, criteria),
              limit: 3,
            })
          ).items
        : [];
      return sendPage(
        reply,
        PlacePage({
          locale: request.locale,
          procedure: choice.procedure,
          channel: choice.channel,
          criteria: place,
          state: { values: { oficina: criteria.oficina ?? '' }, errors },
          options: placeOptions(offices, place),
          firstFree: firstFreeLinks(firstFree, offices, criteria, request.locale),
        }),
        errors.length > 0 ? 400 : 200,
      );
    },
  );
}
