import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ConsentInput } from '../../../domain/applicant.js';
import { holdsNit, validateApplicant, validateConsent } from '../../../domain/applicant.js';
import { AppError, type FieldError } from '../../../domain/errors.js';
import { formatNit } from '../../../domain/nit.js';
import { POLICY_VERSION } from '../../../domain/privacy-policy.js';
import type { Locale } from '../../../i18n/index.js';
import { LIMITS } from '../../../security/limits.js';
import { normaliseLookupDocument, viewAppointment } from '../../../services/appointments.js';
import {
  confirmHold,
  type HoldDetails,
  placeHold,
  saveHoldDraft,
  sessionKeyOf,
} from '../../../services/booking.js';
import { appointmentIcs, icsFilename } from '../../../services/calendar/appointment.js';
import type { ServiceContext } from '../../../services/context.js';
import { loadAppointmentDetails } from '../../../services/mail/appointment-details.js';
import { ConsentPage, DataPage, ReviewPage } from '../../../views/booking/applicant.js';
import { type AppointmentCard, ConfirmationPage } from '../../../views/booking/appointment.js';
import { journeyHref } from '../../../views/booking/criteria.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { clientSession } from '../../client-session.js';
import { admitHold } from '../../hold-admission.js';
import { confirmedAppointment, rememberConfirmation } from '../../journey-cookies.js';
import { forgetNit } from '../../journey-nit.js';
import { sendPage } from '../../page.js';
import { csrfToken } from '../../plugins/csrf.js';
import { enforceLimit, routeLimit } from '../../plugins/rate-limit.js';
import type { App } from '../../types.js';
import { criteriaOf } from './booking-search.js';
import { journeyTimesPage } from './booking-times.js';
import { appointmentCard } from './journey-card.js';
import { applicantInput, type Draft, draftOf, formValues, gone, heldPlace, ownHold } from './journey-hold.js';
import { searchNit } from './journey-nit.js';
import { reviewRows } from './journey-review.js';

const TEXT = Type.Optional(Type.String({ maxLength: 300 }));
const HoldQuery = Type.Object({ reserva: TEXT, vista: TEXT });
const HoldPost = Type.Object(
  {
    horario: TEXT,
    altcha: Type.Optional(Type.String({ maxLength: 4000 })),
    tramite: TEXT,
    canal: TEXT,
    departamento: TEXT,
    ciudad: TEXT,
    oficina: TEXT,
    fecha: TEXT,
    reserva: TEXT,
    _csrf: TEXT,
  },
  { additionalProperties: false },
);
const APPLICANT_FIELDS = [
  'personType',
  'documentType',
  'documentNumber',
  'firstName',
  'lastName',
  'email',
  'phone',
  'nit',
  'companyName',
] as const;
/** The data form's fields from top to bottom (the company's come right after the person type). */
const FIELD_ORDER = [
  'personType',
  'nit',
  'companyName',
  'documentType',
  'documentNumber',
  'firstName',
  'lastName',
  'email',
  'phone',
];
const DataPost = Type.Object(
  {
    _csrf: TEXT,
    ...Object.fromEntries(APPLICANT_FIELDS.map((f) => [`applicant.${f}`, TEXT])),
  },
  { additionalProperties: false },
);
const ConsentPost = Type.Object(
  { _csrf: TEXT, 'consent.accepted': TEXT, 'consent.policyVersion': TEXT },
  { additionalProperties: false },
);
const ConfirmPost = Type.Object({ _csrf: TEXT }, { additionalProperties: false });

/**
 * What is wrong with the data typed for a hold. A deadline-day place is confirmed only for its NIT: that
 * is said here, next to the fields, rather than after the consent and review steps, where confirmHold
 * would refuse it.
 */
function applicantErrors(typed: Record<string, string>, reservedFor: string | null): FieldError[] {
  const result = validateApplicant(applicantInput(typed));
  if (!result.ok) return result.errors;
  if (!reservedFor || holdsNit(result.value, reservedFor)) return [];
  const field = result.value.personType === 'juridica' ? 'applicant.nit' : 'applicant.documentNumber';
  return [{ field, key: 'deadlineNit.mismatch', params: { nit: formatNit(reservedFor) } }];
}

/**
 * A deadline-day place's NIT, ready in the data form as the company's NIT. Not as the document number:
 * for a company that field is its representative's own document, and a company's NIT left there by
 * mistake would still pass as a cédula.
 */
function reservedNitValues(hold: HoldDetails): Record<string, string> {
  return hold.reservedFor ? { 'applicant.nit': formatNit(hold.reservedFor) } : {};
}

/** The steps after a time is chosen: hold, data, consent, review, confirmation (all POST → redirect → GET). */
export async function bookingHoldPages(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const ctx = (): ServiceContext => ({ db: db(), config: app.deps.config, now: app.deps.clock() });
  const holdHref = (path: string, holdId: string) => `${path}?reserva=${encodeURIComponent(holdId)}`;

  app.post(
    '/reservar/horario',
    { schema: { hide: true, body: HoldPost }, config: { rateLimit: routeLimit(app, LIMITS.hold) } },
    async (request, reply) => {
      const body = request.body;
      const criteria = criteriaOf(body);
      const slotId = /^\d{1,10}$/.test(body.horario ?? '') ? Number(body.horario) : undefined;
      const state = (errors: FieldError[]): FormState => ({
        values: { horario: body.horario ?? '' },
        errors,
      });
      if (!slotId)
        return journeyTimesPage(
          app,
          request,
          reply,
          criteria,
          state([{ field: 'horario', key: 'journey.times.required' }]),
          400,
        );
      const channel = criteria.canal ?? '';
      const previous = await ownHold(app, request, reply, criteria.reserva);
      try {
        await admitHold(app, request, body.altcha || undefined, { allowWithoutProof: true });
        const session = clientSession(request, reply);
        const nit = searchNit(app, request, criteria);
        const hold = await placeHold(ctx(), {
          slotId,
          procedure: criteria.tramite ?? '',
          channel: channel as HoldDetails['channel'],
          sessionKey: sessionKeyOf(session.id),
          freshSession: session.fresh,
          nit,
        });
        const carried = previous ? draftOf(previous) : {};
        if (carried.applicant) await saveHoldDraft(db(), hold.holdId, carried, app.deps.clock());
        // Data typed for another NIT would not confirm a place reserved for this one: back to the data.
        const ready =
          carried.applicant &&
          carried.consent &&
          (!nit || applicantErrors(carried.applicant, nit).length === 0);
        const next = ready ? '/reservar/revisar' : '/reservar/datos';
        return reply.redirect(holdHref(next, hold.holdId), 303);
      } catch (err) {
        if (
          !(err instanceof AppError) ||
          !['SLOT_FULL', 'NOT_FOUND', 'VALIDATION', 'CAPTCHA_REQUIRED'].includes(err.code)
        )
          throw err;
        const errors: FieldError[] =
          err.code === 'VALIDATION' && err.fieldErrors.length > 0
            ? err.fieldErrors.map((f) => ({ ...f, field: f.field === 'slotId' ? 'horario' : f.field }))
            : [{ field: 'horario', key: err.key, params: err.params }];
        const status = err.code === 'CAPTCHA_REQUIRED' ? 403 : err.code === 'VALIDATION' ? 422 : 409;
        return journeyTimesPage(app, request, reply, criteria, state(errors), status);
      }
    },
  );

  app.get('/reservar/datos', { schema: { hide: true, querystring: HoldQuery } }, async (request, reply) => {
    const hold = await ownHold(app, request, reply, request.query.reserva);
    if (!hold) return gone(reply, request.locale);
    const { held, criteria } = await heldPlace(app, hold, request.locale);
    const draft = draftOf(hold);
    return sendPage(
      reply,
      DataPage({
        locale: request.locale,
        held,
        state: emptyForm(draft.applicant ? formValues(draft) : reservedNitValues(hold)),
        csrf: csrfToken(reply),
        back: journeyHref('/reservar/horas', criteria, { reserva: undefined }),
        reservedNit: hold.reservedFor ? formatNit(hold.reservedFor) : undefined,
      }),
    );
  });

  app.post(
    '/reservar/datos',
    { schema: { hide: true, querystring: HoldQuery, body: DataPost } },
    async (request, reply) => {
      const hold = await ownHold(app, request, reply, request.query.reserva);
      if (!hold) return gone(reply, request.locale);
      const body = request.body as Record<string, string | undefined>;
      const typed: Record<string, string> = {};
      for (const f of APPLICANT_FIELDS) typed[f] = body[`applicant.${f}`] ?? '';
      const draft: Draft = { ...draftOf(hold), applicant: typed };
      const errors = applicantErrors(typed, hold.reservedFor);
      if (errors.length > 0) {
        // The summary lists the mistakes in the order of the fields on the page.
        const order = (field: string) => FIELD_ORDER.indexOf(field.replace('applicant.', ''));
        errors.sort((a, b) => order(a.field) - order(b.field));
        // A refused form stores nothing: what was typed comes back in this answer only.
        const { held, criteria } = await heldPlace(app, hold, request.locale);
        return sendPage(
          reply,
          DataPage({
            locale: request.locale,
            held,
            state: { values: formValues(draft), errors },
            csrf: csrfToken(reply),
            back: journeyHref('/reservar/horas', criteria, { reserva: undefined }),
            reservedNit: hold.reservedFor ? formatNit(hold.reservedFor) : undefined,
          }),
          400,
        );
      }
      if (!(await saveHoldDraft(db(), hold.holdId, draft, app.deps.clock())))
        return gone(reply, request.locale);
      const next = draft.consent?.accepted ? '/reservar/revisar' : '/reservar/consentimiento';
      return reply.redirect(holdHref(next, hold.holdId), 303);
    },
  );

  async function consentPage(
    request: FastifyRequest,
    reply: FastifyReply,
    hold: HoldDetails,
    state: FormState,
    status = 200,
  ) {
    const { held } = await heldPlace(app, hold, request.locale);
    return sendPage(
      reply,
      ConsentPage({
        locale: request.locale,
        held,
        state,
        csrf: csrfToken(reply),
        policyVersion: POLICY_VERSION,
      }),
      status,
    );
  }

  app.get(
    '/reservar/consentimiento',
    { schema: { hide: true, querystring: HoldQuery } },
    async (request, reply) => {
      const hold = await ownHold(app, request, reply, request.query.reserva);
      if (!hold) return gone(reply, request.locale);
      const draft = draftOf(hold);
      if (!draft.applicant) return reply.redirect(holdHref('/reservar/datos', hold.holdId), 303);
      const accepted = draft.consent?.accepted && draft.consent.policyVersion === POLICY_VERSION;
      return consentPage(request, reply, hold, emptyForm({ 'consent.accepted': accepted ? 'on' : '' }));
    },
  );

  app.post(
    '/reservar/consentimiento',
    { schema: { hide: true, querystring: HoldQuery, body: ConsentPost } },
    async (request, reply) => {
      const hold = await ownHold(app, request, reply, request.query.reserva);
      if (!hold) return gone(reply, request.locale);
      const consent = {
        accepted: request.body['consent.accepted'] === 'on',
        policyVersion: request.body['consent.policyVersion'] ?? '',
      };
      const errors = validateConsent(consent).map((e) => ({ ...e, field: 'consent.accepted' }));
      if (errors.length > 0) return consentPage(request, reply, hold, { values: {}, errors }, 400);
      const draft: Draft = { ...draftOf(hold), consent };
      if (!(await saveHoldDraft(db(), hold.holdId, draft, app.deps.clock())))
        return gone(reply, request.locale);
      return reply.redirect(holdHref('/reservar/revisar', hold.holdId), 303);
    },
  );

  async function reviewPage(
    request: FastifyRequest,
    reply: FastifyReply,
    hold: HoldDetails,
    errors: FieldError[],
    status = 200,
  ) {
    const locale = request.locale;
    const { held, criteria } = await heldPlace(app, hold, locale);
    const rows = reviewRows(locale, held, criteria, hold.procedure, draftOf(hold).applicant ?? {});
    return sendPage(
      reply,
      ReviewPage({
        locale,
        held,
        rows,
        state: { values: {}, errors },
        csrf: csrfToken(reply),
      }),
      status,
    );
  }

  app.get('/reservar/revisar', { schema: { hide: true, querystring: HoldQuery } }, async (request, reply) => {
    const holdId = request.query.reserva ?? '';
    if (confirmedAppointment(request, holdId))
      return reply.redirect(holdHref('/reservar/confirmacion', holdId), 303);
    const hold = await ownHold(app, request, reply, holdId);
    if (!hold) return gone(reply, request.locale);
    const draft = draftOf(hold);
    if (!draft.applicant) return reply.redirect(holdHref('/reservar/datos', hold.holdId), 303);
    if (!draft.consent?.accepted)
      return reply.redirect(holdHref('/reservar/consentimiento', hold.holdId), 303);
    return reviewPage(request, reply, hold, []);
  });

  app.post(
    '/reservar/confirmar',
    {
      schema: { hide: true, querystring: HoldQuery, body: ConfirmPost },
      config: { rateLimit: routeLimit(app, LIMITS.confirm) },
    },
    async (request, reply) => {
      const holdId = request.query.reserva ?? '';
      // Confirming twice (back button, a second click) shows the appointment already made.
      if (confirmedAppointment(request, holdId))
        return reply.redirect(holdHref('/reservar/confirmacion', holdId), 303);
      const hold = await ownHold(app, request, reply, holdId);
      if (!hold) return gone(reply, request.locale);
      const draft = draftOf(hold);
      if (!draft.applicant) return reply.redirect(holdHref('/reservar/datos', hold.holdId), 303);
      try {
        await enforceLimit(
          app,
          LIMITS.confirmPerDocument,
          normaliseLookupDocument(draft.applicant.documentNumber ?? ''),
        );
        const done = await confirmHold(ctx(), {
          holdId: hold.holdId,
          applicant: applicantInput(draft.applicant),
          consent: draft.consent as ConsentInput | undefined,
          via: 'web',
          locale: request.locale,
        });
        rememberConfirmation(request, reply, hold.holdId, done.appointmentId);
        // The NIT served its purpose; the next person at a shared computer should not search with it.
        forgetNit(request, reply);
        return reply.redirect(holdHref('/reservar/confirmacion', hold.holdId), 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code === 'HOLD_EXPIRED') return gone(reply, request.locale);
        if (err.code === 'VALIDATION') {
          const onConsent = err.fieldErrors.every((f) => f.field.startsWith('consent'));
          return reply.redirect(
            holdHref(onConsent ? '/reservar/consentimiento' : '/reservar/datos', hold.holdId),
            303,
          );
        }
        if (err.code !== 'LIMIT_REACHED') throw err;
        return reviewPage(
          request,
          reply,
          hold,
          [{ field: 'confirm', key: err.key, params: err.params }],
          409,
        );
      }
    },
  );

  async function confirmationCard(
    appointmentId: number,
    locale: Locale,
  ): Promise<{ card: AppointmentCard; email: string; ics: () => string } | undefined> {
    const view = await viewAppointment(db(), { id: appointmentId }, locale);
    const details = await loadAppointmentDetails(db(), appointmentId, app.deps.config);
    if (!view || !details) return undefined;
    return {
      card: appointmentCard(view, details, locale),
      email: details.person.email,
      ics: () => appointmentIcs(details, { publicUrl: app.deps.config.publicUrl, stamp: app.deps.clock() }),
    };
  }

  app.get(
    '/reservar/confirmacion',
    { schema: { hide: true, querystring: HoldQuery } },
    async (request, reply) => {
      const holdId = request.query.reserva ?? '';
      const id = confirmedAppointment(request, holdId);
      const found = id ? await confirmationCard(id, request.locale) : undefined;
      if (!found) return reply.redirect('/gestionar', 303);
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        ConfirmationPage({
          locale: request.locale,
          card: found.card,
          holdId,
          email: found.email,
          print: request.query.vista === 'imprimir',
        }),
      );
    },
  );

  app.get(
    '/reservar/confirmacion/cita.ics',
    { schema: { hide: true, querystring: HoldQuery } },
    async (request, reply) => {
      const holdId = request.query.reserva ?? '';
      const id = confirmedAppointment(request, holdId);
      const found = id ? await confirmationCard(id, request.locale) : undefined;
      if (!found) return reply.redirect('/gestionar', 303);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${icsFilename(found.card.code)}"`)
        .type('text/calendar; charset=utf-8')
        .send(found.ics());
    },
  );
}
