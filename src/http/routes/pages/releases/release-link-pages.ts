import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FieldError } from '../../../../domain/errors.js';
import { continueBookingPath } from '../../../../services/alerts/claim-offer.js';
import { entryPage, offerPage } from '../../../../services/journey/release-pages.js';
import { confirmEntryByToken, withdrawEntryByToken } from '../../../../services/releases/entry-link.js';
import { claimReleaseOffer, declineReleaseOffer } from '../../../../services/releases/offers.js';
import { releaseSettings } from '../../../../services/releases/release-settings.js';
import { EntryLinkPage } from '../../../../views/releases/entry-link-page.js';
import { OfferPage } from '../../../../views/releases/offer-page.js';
import { submitForm } from '../../../forms.js';
import { clientSession } from '../../../journey/client-session.js';
import { privateAnswer, sendPage } from '../../../page.js';
import { csrfToken } from '../../../plugins/csrf.js';
import type { App } from '../../../types.js';

const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const ActionForm = Type.Object(
  {
    accion: Type.Optional(Type.String({ maxLength: 20 })),
    _csrf: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '';

/**
 * The pages behind the links of a release's e-mails: the entry (confirm, withdraw, see one's number)
 * and the offered place (take it, or pass it on). A GET never changes anything, since mail scanners
 * open the links of e-mails; every change is a button that posts to the same address.
 */
export function releaseLinkPages(app: App): void {
  const ctx = () => ({
    db: app.deps.database.db,
    now: app.deps.clock(),
    settings: releaseSettings(app.deps.config),
    rules: app.deps.config,
  });

  const showEntry = async (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    form: { errors: FieldError[]; status: number } = { errors: [], status: 200 },
  ) => {
    const entry = await entryPage(ctx(), token, request.locale);
    privateAnswer(reply);
    return sendPage(
      reply,
      EntryLinkPage({
        locale: request.locale,
        path: pathOf(request),
        entry,
        csrf: csrfToken(reply),
        errors: form.errors,
      }),
      form.status,
    );
  };

  app.get('/sorteos/inscripcion/:token', { schema: { hide: true, params: TokenParams } }, (request, reply) =>
    showEntry(request, reply, request.params.token),
  );

  app.post(
    '/sorteos/inscripcion/:token',
    { schema: { hide: true, params: TokenParams, body: ActionForm } },
    async (request, reply) => {
      const { token } = request.params;
      const withdraw = request.body.accion === 'retirar';
      const done = await submitForm(
        () => (withdraw ? withdrawEntryByToken(ctx(), token) : confirmEntryByToken(ctx(), token)),
        { shows: ['RELEASE_CLOSED', 'CONFLICT'] },
      );
      if (done.ok) return reply.redirect(pathOf(request), 303);
      return showEntry(request, reply, token, done);
    },
  );

  const showOffer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    form: { errors: FieldError[]; status: number } = { errors: [], status: 200 },
  ) => {
    const offer = await offerPage(ctx(), token, request.locale);
    privateAnswer(reply);
    // A place that can no longer be taken is gone for good: 410, as the API answers.
    const status = form.status === 200 && offer.state === 'gone' ? 410 : form.status;
    return sendPage(
      reply,
      OfferPage({
        locale: request.locale,
        path: pathOf(request),
        offer,
        csrf: csrfToken(reply),
        errors: form.errors,
      }),
      status,
    );
  };

  app.get('/sorteos/oferta/:token', { schema: { hide: true, params: TokenParams } }, (request, reply) =>
    showOffer(request, reply, request.params.token),
  );

  app.post(
    '/sorteos/oferta/:token',
    { schema: { hide: true, params: TokenParams, body: ActionForm } },
    async (request, reply) => {
      const { token } = request.params;
      if (request.body.accion === 'rechazar') {
        const declined = await submitForm(() => declineReleaseOffer(ctx(), token), { shows: ['CONFLICT'] });
        if (!declined.ok) return showOffer(request, reply, token, declined);
        return reply.redirect(pathOf(request), 303);
      }
      const session = clientSession(request, reply);
      const claimed = await submitForm(() => claimReleaseOffer(ctx(), token, session.key), {
        shows: ['HOLD_EXPIRED'],
      });
      if (!claimed.ok) return showOffer(request, reply, token, claimed);
      return reply.redirect(continueBookingPath(claimed.value.holdId), 303);
    },
  );
}
