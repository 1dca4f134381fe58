import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FieldError } from '../../../domain/errors.js';
import { formatCivilDate, formatTime, formatWhen } from '../../../i18n/format.js';
import { type Locale, translate } from '../../../i18n/index.js';
import { LIMITS } from '../../../security/limits.js';
import { listOffices } from '../../../services/catalogue/offices.js';
import { loadAppointmentCard } from '../../../services/journey/appointment-card.js';
import { bogotaWhen, officeLine } from '../../../services/journey/wording.js';
import {
  declinePass,
  type PassView,
  type RebookContext,
  rebookChoices,
  rebookWithPass,
  viewPass,
} from '../../../services/rebook/pass.js';
import { RebookInvalidLinkPage, RebookPage, rebookPath } from '../../../views/booking/rebook.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { submitForm } from '../../forms.js';
import { privateAnswer, sendPage } from '../../page.js';
import { csrfToken } from '../../plugins/csrf.js';
import { routeLimit } from '../../plugins/rate-limit.js';
import type { App } from '../../types.js';
import { slotIdOf } from './booking/journey-schemas.js';

const TEXT = Type.Optional(Type.String({ maxLength: 200 }));
const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });
const PageQuery = Type.Object({ fecha: TEXT, aviso: TEXT });
const ChoosePost = Type.Object({ _csrf: TEXT, horario: TEXT }, { additionalProperties: false });
const CsrfOnly = Type.Object({ _csrf: TEXT }, { additionalProperties: false });

const NOTICES = { confirmada: 'rebook.used.notice', liberada: 'rebook.declined.notice' } as const;

/**
 * `/reservar/prioridad/:token`: the link of a closure's cancellation e-mail (decision 010). The person
 * confirms the place kept for them or picks another free time, without typing their data again; or gives
 * the kept place back. A bad token, or a pass that cannot be used any more, says so plainly.
 */
export async function rebookPages(app: App): Promise<void> {
  const ctx = (): RebookContext => ({
    db: app.deps.database.db,
    config: app.deps.config,
    now: app.deps.clock(),
    secret: app.deps.config.sessionSecret,
  });

  const invalidLink = (request: FastifyRequest, reply: FastifyReply) =>
    sendPage(reply, RebookInvalidLinkPage({ locale: request.locale }), 404);

  const card = async (id: number, locale: Locale) =>
    (await loadAppointmentCard(app.deps.database.db, app.deps.config, id, locale))?.card;

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    pass: PassView,
    options: { date?: string | undefined; form?: FormState; notice?: string | undefined; status?: number },
  ) {
    const { locale } = request;
    const cancelled = await card(pass.cancelledAppointmentId, locale);
    if (!cancelled) return invalidLink(request, reply);
    const rebooked = pass.rebookedAppointmentId ? await card(pass.rebookedAppointmentId, locale) : undefined;
    const open = pass.state === 'open';
    const choices = open
      ? await rebookChoices(ctx(), pass, options.date)
      : { days: [], date: undefined, slots: [] };
    const offices = new Map((await listOffices(app.deps.database.db, locale)).map((o) => [o.code, o]));
    const place = (officeCode: string) => {
      if (pass.channel !== 'presencial') return translate(locale, `journey.channel.${pass.channel}`);
      const office = offices.get(officeCode);
      return office ? officeLine(office) : officeCode;
    };
    return sendPage(
      reply,
      RebookPage({
        locale,
        token,
        csrf: csrfToken(reply),
        state: pass.state,
        cancelled,
        rebooked,
        kept: pass.kept && {
          slotId: pass.kept.slotId,
          label: `${bogotaWhen(pass.kept.startsAt, locale)} – ${place(pass.kept.officeCode)}`,
          until: formatWhen(pass.kept.until, locale),
        },
        days: choices.days.map((d) => ({
          label: formatCivilDate(d.date, locale),
          href: `${rebookPath(token)}?fecha=${d.date}`,
          current: d.date === choices.date,
        })),
        dayLabel: choices.date ? formatCivilDate(choices.date, locale) : undefined,
        slots: choices.slots.map((s) => ({
          slotId: s.slotId,
          label: `${formatTime(s.startsAt, locale)} – ${place(s.officeCode)}`,
        })),
        expiresAt: formatWhen(pass.expiresAt, locale),
        form: options.form ?? emptyForm(),
        notice: options.notice,
      }),
      options.status ?? 200,
    );
  }

  /** The pass behind a token, or undefined (the caller answers with the invalid-link page). */
  async function passOf(token: string): Promise<PassView | undefined> {
    const found = await submitForm(() => viewPass(ctx(), token), { shows: ['NOT_FOUND'] });
    return found.ok ? found.value : undefined;
  }

  app.get(
    '/reservar/prioridad/:token',
    { schema: { hide: true, params: TokenParams, querystring: PageQuery } },
    async (request, reply) => {
      privateAnswer(reply);
      const { token } = request.params;
      const pass = await passOf(token);
      if (!pass) return invalidLink(request, reply);
      const aviso = request.query.aviso;
      const notice =
        aviso === 'confirmada' || aviso === 'liberada'
          ? translate(request.locale, NOTICES[aviso])
          : undefined;
      return page(request, reply, token, pass, { date: request.query.fecha, notice });
    },
  );

  app.post(
    '/reservar/prioridad/:token',
    {
      schema: { hide: true, params: TokenParams, body: ChoosePost },
      config: { rateLimit: routeLimit(app, LIMITS.lookup) },
    },
    async (request, reply) => {
      privateAnswer(reply);
      const { token } = request.params;
      const raw = request.body.horario ?? '';
      const slotId = slotIdOf(raw);
      const again = async (errors: FieldError[], status: number) => {
        const pass = await passOf(token);
        if (!pass) return invalidLink(request, reply);
        return page(request, reply, token, pass, { form: { values: { horario: raw }, errors }, status });
      };
      if (slotId === undefined) return again([{ field: 'horario', key: 'rebook.choose.required' }], 400);
      const done = await submitForm(() => rebookWithPass(ctx(), token, slotId), {
        shows: ['CONFLICT', 'HOLD_EXPIRED', 'SLOT_FULL', 'NOT_FOUND', 'VALIDATION', 'LIMIT_REACHED'],
        field: 'horario',
        oneQuestion: true,
        // A slot that is gone (closed) is a choice that cannot be had, like a full one.
        status: { NOT_FOUND: 409 },
      });
      if (done.ok) return reply.redirect(`${rebookPath(token)}?aviso=confirmada`, 303);
      if (done.key === 'rebook.error.link') return invalidLink(request, reply);
      // Used already (a second click) or no longer usable: the page says what became of the pass.
      if (done.code === 'CONFLICT' || done.code === 'HOLD_EXPIRED')
        return reply.redirect(rebookPath(token), 303);
      return again(done.errors, done.status);
    },
  );

  app.post(
    '/reservar/prioridad/:token/liberar',
    {
      schema: { hide: true, params: TokenParams, body: CsrfOnly },
      config: { rateLimit: routeLimit(app, LIMITS.lookup) },
    },
    async (request, reply) => {
      privateAnswer(reply);
      const { token } = request.params;
      const done = await submitForm(() => declinePass(ctx(), token), { shows: ['NOT_FOUND'] });
      if (!done.ok) return invalidLink(request, reply);
      return reply.redirect(`${rebookPath(token)}?aviso=liberada`, 303);
    },
  );
}
