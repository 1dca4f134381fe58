import { Type } from 'typebox';
import { channelsWithProcedureCounts } from '../../../services/catalogue/channels.js';
import { findKiosks } from '../../../services/catalogue/kiosks.js';
import { listProcedures, procedureDetails, searchCatalogue } from '../../../services/catalogue/procedures.js';
import { CataloguePage } from '../../../views/pages/site/catalogue.js';
import { ChannelsPage } from '../../../views/pages/site/channels.js';
import { HelpPage } from '../../../views/pages/site/help.js';
import { KiosksPage } from '../../../views/pages/site/kiosks.js';
import { PrivacyPolicyPage } from '../../../views/pages/site/privacy-policy.js';
import { ProcedurePage } from '../../../views/pages/site/procedure.js';
import { WhenNeededPage } from '../../../views/pages/site/when-needed.js';
import { sendPage } from '../../page.js';
import type { App } from '../../types.js';

// Query strings of the search forms: anything a person (or a stale link) sends is shown back or
// ignored, never a 400, so they are plain bounded strings.
const CatalogueQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  categoria: Type.Optional(Type.String({ maxLength: 40 })),
  canal: Type.Optional(Type.String({ maxLength: 40 })),
});
const KioskQuery = Type.Object({ ciudad: Type.Optional(Type.String({ maxLength: 10 })) });
const ProcedureParams = Type.Object({ code: Type.String({ maxLength: 80 }) });

/** The citizen micro-site around the booking journey: information pages, catalogue, kiosks, policy. */
export async function sitePages(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get('/cuando-necesito-cita', async (request, reply) => {
    const procedures = await listProcedures(db(), request.locale);
    return sendPage(reply, <WhenNeededPage locale={request.locale} procedures={procedures} />);
  });

  app.get('/tramites', { schema: { hide: true, querystring: CatalogueQuery } }, async (request, reply) => {
    const { q, categoria, canal } = request.query;
    const search = await searchCatalogue(db(), request.locale, { q, category: categoria, channel: canal });
    return sendPage(reply, <CataloguePage locale={request.locale} search={search} />);
  });

  app.get('/tramites/:code', { schema: { hide: true, params: ProcedureParams } }, async (request, reply) => {
    const { procedure, channels } = await procedureDetails(db(), request.params.code, request.locale);
    return sendPage(
      reply,
      <ProcedurePage locale={request.locale} procedure={procedure} channels={channels} />,
    );
  });

  app.get('/canales', async (request, reply) => {
    const channels = await channelsWithProcedureCounts(db(), request.locale);
    return sendPage(reply, <ChannelsPage locale={request.locale} channels={channels} />);
  });

  app.get('/ayuda', async (request, reply) => sendPage(reply, <HelpPage locale={request.locale} />));

  app.get(
    '/puntos-de-autoservicio',
    { schema: { hide: true, querystring: KioskQuery } },
    async (request, reply) => {
      const search = await findKiosks(db(), request.locale, request.query.ciudad);
      return sendPage(
        reply,
        <KiosksPage locale={request.locale} search={search} />,
        search.unknownCity ? 400 : 200,
      );
    },
  );

  app.get('/privacidad', async (request, reply) =>
    sendPage(
      reply,
      <PrivacyPolicyPage locale={request.locale} retentionMonths={app.deps.config.retentionMonths} />,
    ),
  );
}
