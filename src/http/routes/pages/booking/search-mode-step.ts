import type { FieldError } from '../../../../domain/errors.js';
import { criteriaOf, journeyBase, journeyHref } from '../../../../services/journey/criteria.js';
import { SearchModePage } from '../../../../views/booking/choose.js';
import { sendPage } from '../../../page.js';
import type { App } from '../../../types.js';
import { requireInPersonChoice } from './choice-pages.js';
import { CriteriaQuery } from './journey-schemas.js';

/** Step 3, in person: search by place (department → city → office) or by date (every office). */
export function searchModeStep(app: App): void {
  app.get(
    '/reservar/buscar',
    { schema: { hide: true, querystring: CriteriaQuery } },
    async (request, reply) => {
      const criteria = criteriaOf(request.query);
      const choice = await requireInPersonChoice(app, request, reply, criteria);
      if (!choice) return reply;
      const base = journeyBase(criteria);
      const mode = request.query.modo;
      if (mode === 'lugar') return reply.redirect(journeyHref('/reservar/lugar', base), 303);
      if (mode === 'fecha') return reply.redirect(journeyHref('/reservar/dias', base), 303);
      const errors: FieldError[] =
        mode !== undefined ? [{ field: 'modo', key: 'journey.mode.required' }] : [];
      return sendPage(
        reply,
        SearchModePage({
          locale: request.locale,
          procedure: choice.procedure,
          channel: choice.channel,
          state: { values: { modo: mode ?? '' }, errors },
          criteria: base,
        }),
        errors.length > 0 ? 400 : 200,
      );
    },
  );
}
