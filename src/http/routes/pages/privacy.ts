import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { translate } from '../../../i18n/index.js';
import { LIMITS } from '../../../security/limits.js';
import { normaliseLookupDocument } from '../../../services/appointments.js';
import {
  checkAccessRequest,
  deleteSubjectData,
  rectifyContactData,
  requestDataAccess,
  type SubjectData,
  viewSubjectData,
} from '../../../services/privacy/data-subject.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import {
  accessPath,
  DATA_PATH,
  DataPage,
  DeleteConfirmPage,
  DeletedPage,
  InvalidLinkPage,
  RequestPage,
  SentPage,
} from '../../../views/pages/privacy.js';
import { submitForm } from '../../forms.js';
import { privateAnswer, sendPage } from '../../page.js';
import { csrfToken } from '../../plugins/csrf.js';
import { enforceLimit, routeLimit } from '../../plugins/rate-limit.js';
import type { App } from '../../types.js';

const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });
type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

/** A posted form field as text; anything else (missing, repeated, not a form) is empty. */
function field(request: FastifyRequest, name: string): string {
  const body = request.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** The contact fields as on record, to start the rectification form from. */
function currentContact(data: SubjectData): FormState {
  const first = data.applicants[0];
  return emptyForm(first ? { email: first.email, phone: first.phone } : {});
}

/**
 * `/mis-datos`: the rights of a data subject. A form asks for a link by e-mail (always the same answer,
 * so it cannot tell who is on record); the link's page shows the data held, corrects the contact
 * details and deletes everything after a confirmation step.
 */
export async function privacyPages(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const now = () => app.deps.clock();
  const linkOf = (token: string) => ({ secret: app.deps.config.sessionSecret, token });

  app.get(DATA_PATH, { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, RequestPage({ locale: request.locale, state: emptyForm(), csrf: csrfToken(reply) })),
  );

  app.post(
    DATA_PATH,
    { schema: { hide: true }, config: { rateLimit: routeLimit(app, LIMITS.dataSubject) } },
    async (request, reply) => {
      const input = { documentNumber: field(request, 'documentNumber'), email: field(request, 'email') };
      const errors = checkAccessRequest(input);
      if (errors.length > 0) {
        const state = { values: input, errors };
        return sendPage(reply, RequestPage({ locale: request.locale, state, csrf: csrfToken(reply) }), 400);
      }
      // Counted whether or not the document is on record, so the limit tells nothing either.
      await enforceLimit(app, LIMITS.dataSubjectPerDocument, normaliseLookupDocument(input.documentNumber));
      await requestDataAccess(db(), { ...input, locale: request.locale, now: now() });
      return reply.redirect(`${DATA_PATH}/enviado`, 303);
    },
  );

  app.get(`${DATA_PATH}/enviado`, { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, SentPage({ locale: request.locale })),
  );

  app.get(`${DATA_PATH}/eliminados`, { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, DeletedPage({ locale: request.locale })),
  );

  const invalidLink = (request: FastifyRequest, reply: FastifyReply) =>
    sendPage(reply, InvalidLinkPage({ locale: request.locale }), 404);

  /** The data held, with the rectification form (as on record, or as just refused) and a notice. */
  async function dataPage(
    request: TokenRequest,
    reply: FastifyReply,
    rectify: (data: SubjectData) => FormState,
    { notice, status = 200 }: { notice?: string | undefined; status?: number } = {},
  ) {
    const { token } = request.params;
    const data = await viewSubjectData(db(), linkOf(token), now(), request.locale);
    if (!data) return invalidLink(request, reply);
    return sendPage(
      reply,
      DataPage({
        locale: request.locale,
        token,
        data,
        rectify: rectify(data),
        csrf: csrfToken(reply),
        notice,
      }),
      status,
    );
  }

  app.get(
    `${DATA_PATH}/acceso/:token`,
    { schema: { hide: true, params: TokenParams } },
    async (request: TokenRequest, reply) => {
      privateAnswer(reply);
      const aviso = (request.query as Record<string, unknown> | undefined)?.aviso;
      return dataPage(request, reply, currentContact, {
        notice: aviso === 'corregido' ? translate(request.locale, 'privacy.rectify.done') : undefined,
      });
    },
  );

  app.post(
    `${DATA_PATH}/acceso/:token/corregir`,
    { schema: { hide: true, params: TokenParams } },
    async (request: TokenRequest, reply) => {
      privateAnswer(reply);
      const { token } = request.params;
      const input = { email: field(request, 'email'), phone: field(request, 'phone') };
      const done = await submitForm(
        () => rectifyContactData({ db: db(), now: now() }, linkOf(token), input),
        {
          shows: ['VALIDATION'],
          status: { VALIDATION: 400 },
        },
      );
      if (done.ok && !done.value) return invalidLink(request, reply);
      if (done.ok) return reply.redirect(`${accessPath(token)}?aviso=corregido`, 303);
      return dataPage(request, reply, () => ({ values: input, errors: done.errors }), {
        status: done.status,
      });
    },
  );

  app.get(
    `${DATA_PATH}/acceso/:token/eliminar`,
    { schema: { hide: true, params: TokenParams } },
    async (request: TokenRequest, reply) => {
      privateAnswer(reply);
      const { token } = request.params;
      const data = await viewSubjectData(db(), linkOf(token), now(), request.locale);
      if (!data) return invalidLink(request, reply);
      const at = now().getTime();
      const future = data.appointments.filter((a) => a.status === 'booked' && a.startsAt.getTime() > at);
      return sendPage(
        reply,
        DeleteConfirmPage({
          locale: request.locale,
          token,
          futureAppointments: future.length,
          csrf: csrfToken(reply),
        }),
      );
    },
  );

  app.post(
    `${DATA_PATH}/acceso/:token/eliminar`,
    { schema: { hide: true, params: TokenParams } },
    async (request: TokenRequest, reply) => {
      privateAnswer(reply);
      const deleted = await deleteSubjectData(
        { db: db(), config: app.deps.config, now: now() },
        linkOf(request.params.token),
      );
      if (!deleted) return invalidLink(request, reply);
      return reply.redirect(`${DATA_PATH}/eliminados`, 303);
    },
  );
}
