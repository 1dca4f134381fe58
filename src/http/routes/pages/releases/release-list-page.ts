import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { LIMITS } from '../../../../security/limits.js';
import { releaseBoard, releasePage } from '../../../../services/journey/release-pages.js';
import { applyForRelease } from '../../../../services/releases/apply.js';
import { emptyForm, type FormState } from '../../../../views/components/form.js';
import { ReleaseListPage } from '../../../../views/releases/release-list-page.js';
import { ReleasePage, ReleaseSentPage } from '../../../../views/releases/release-page.js';
import { submitForm } from '../../../forms.js';
import { admitHold } from '../../../journey/hold-admission.js';
import { sendPage } from '../../../page.js';
import { csrfToken } from '../../../plugins/csrf.js';
import { routeLimit } from '../../../plugins/rate-limit.js';
import type { App } from '../../../types.js';

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const ListQuery = Type.Object({ tramite: text(120) });
const ReleaseParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const EntryForm = Type.Object(
  {
    documentType: text(20),
    documentNumber: text(40),
    email: text(254),
    dates: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 10 }),
        Type.Array(Type.String({ maxLength: 10 }), { maxItems: 62 }),
      ]),
    ),
    partOfDay: text(20),
    altcha: text(4000),
    _csrf: text(300),
  },
  { additionalProperties: false },
);

async function showRelease(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  form: { state: FormState; status: number } = { state: emptyForm(), status: 200 },
) {
  const release = await releasePage(app.deps.database.db, id, request.locale, app.deps.clock());
  return sendPage(
    reply,
    ReleasePage({
      locale: request.locale,
      release,
      state: form.state,
      csrf: csrfToken(reply),
      captcha: app.deps.config.captcha,
      apiUrl: `${app.deps.config.publicUrl}/api/v1/releases/${release.id}`,
    }),
    form.status,
  );
}

/** /sorteos, a release's page with its entry form, and the page after applying (Post/Redirect/Get). */
export function releaseListPages(app: App): void {
  const db = () => app.deps.database.db;

  app.get('/sorteos', { schema: { hide: true, querystring: ListQuery } }, async (request, reply) => {
    const procedure = request.query.tramite || undefined;
    const board = await releaseBoard(db(), request.locale, procedure, app.deps.clock());
    return sendPage(reply, ReleaseListPage({ locale: request.locale, board, procedure }));
  });

  app.get('/sorteos/:id', { schema: { hide: true, params: ReleaseParams } }, async (request, reply) =>
    showRelease(app, request, reply, request.params.id),
  );

  app.post(
    '/sorteos/:id',
    {
      schema: { hide: true, params: ReleaseParams, body: EntryForm },
      config: { rateLimit: routeLimit(app, LIMITS.hold) },
    },
    async (request, reply) => {
      const { altcha, _csrf, ...input } = request.body;
      const done = await submitForm(
        async () => {
          // A form without JavaScript comes without a proof: the stricter path of the booking pages.
          await admitHold(app, request, altcha || undefined, { allowWithoutProof: true });
          return applyForRelease(
            { db: db(), now: app.deps.clock(), cacheMs: app.deps.config.calendarCacheMs },
            request.params.id,
            input,
            request.locale,
          );
        },
        {
          shows: ['VALIDATION', 'LIMIT_REACHED', 'RELEASE_CLOSED', 'CAPTCHA_REQUIRED'],
          field: 'documentNumber',
          status: { VALIDATION: 400 },
        },
      );
      if (done.ok) return reply.redirect(`/sorteos/${request.params.id}/enviada`, 303);
      return showRelease(app, request, reply, request.params.id, {
        state: { values: input, errors: done.errors },
        status: done.status,
      });
    },
  );

  app.get(
    '/sorteos/:id/enviada',
    { schema: { hide: true, params: ReleaseParams } },
    async (request, reply) => {
      const release = await releasePage(db(), request.params.id, request.locale, app.deps.clock());
      return sendPage(reply, ReleaseSentPage({ locale: request.locale, release }));
    },
  );
}
