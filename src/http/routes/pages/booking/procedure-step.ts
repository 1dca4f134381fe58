import type { Locale } from '../../../../i18n/index.js';
import { listProcedures } from '../../../../services/catalogue/procedures.js';
import { choiceOf } from '../../../../services/journey/choice.js';
import { criteriaOf, journeyHref } from '../../../../services/journey/criteria.js';
import { ChannelPage, OnlineProcedurePage } from '../../../../views/booking/choose.js';
import { sendPage } from '../../../page.js';
import type { App } from '../../../types.js';
import { procedurePage } from './choice-pages.js';
import { CriteriaQuery } from './journey-schemas.js';

/**
 * Steps 1 and 2: the procedure, then how it is attended. A procedure done online without an appointment
 * says so, with its link, instead of going on.
 */
export function procedureStep(app: App): void {
  const db = () => app.deps.database.db;
  const findProcedure = async (code: string, locale: Locale) =>
    (await listProcedures(db(), locale)).find((p) => p.code === code);

  app.get('/reservar', { schema: { hide: true, querystring: CriteriaQuery } }, async (request, reply) => {
    const criteria = criteriaOf(request.query);
    if (!criteria.tramite) return procedurePage(app, reply, request, criteria);
    const procedure = await findProcedure(criteria.tramite, request.locale);
    if (!procedure)
      return procedurePage(app, reply, request, criteria, [
        { field: 'tramite', key: 'booking.procedure.unknown' },
      ]);
    if (!procedure.requiresAppointment)
      return sendPage(reply, OnlineProcedurePage({ locale: request.locale, procedure }));
    return reply.redirect(journeyHref('/reservar/atencion', criteria), 303);
  });

  app.get(
    '/reservar/atencion',
    { schema: { hide: true, querystring: CriteriaQuery } },
    async (request, reply) => {
      const criteria = criteriaOf(request.query);
      const found = await choiceOf(db(), { ...criteria, canal: undefined }, request.locale);
      if (!found.ok && found.missing === 'procedure') {
        const procedure = criteria.tramite
          ? await findProcedure(criteria.tramite, request.locale)
          : undefined;
        if (procedure && !procedure.requiresAppointment)
          return sendPage(reply, OnlineProcedurePage({ locale: request.locale, procedure }));
        return procedurePage(app, reply, request, criteria, [
          {
            field: 'tramite',
            key: criteria.tramite ? 'booking.procedure.unknown' : 'journey.procedure.required',
          },
        ]);
      }
      if (found.ok || !found.procedure || !found.channels)
        throw new Error('unreachable: channel was cleared');
      return sendPage(
        reply,
        ChannelPage({
          locale: request.locale,
          procedure: found.procedure,
          channels: found.channels,
          state: { values: { canal: criteria.canal ?? '' }, errors: [] },
          criteria,
        }),
      );
    },
  );
}
