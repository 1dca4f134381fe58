import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { bookingWindow } from '../../../domain/booking-window.js';
import { addDays, civilDateOf } from '../../../domain/civil-time.js';
import { AppError, type FieldError } from '../../../domain/errors.js';
import { parseNitEntry } from '../../../domain/nit.js';
import { formatCivilDate, formatTime } from '../../../i18n/format.js';
import { translate } from '../../../i18n/index.js';
import { LIMITS } from '../../../security/limits.js';
import { findDays, findFirstAvailable } from '../../../services/availability.js';
import { listProcedures } from '../../../services/catalogue/procedures.js';
import type { ServiceContext } from '../../../services/context.js';
import { findDaysNationwide } from '../../../services/journey/search.js';
import { DaysPage } from '../../../views/booking/calendar.js';
import {
  ChannelPage,
  OnlineProcedurePage,
  PlacePage,
  SearchModePage,
} from '../../../views/booking/choose.js';
import { CRITERIA_KEYS, type Criteria, journeyHref } from '../../../views/booking/criteria.js';
import type { FormState } from '../../../views/components/form.js';
import { forgetNit, rememberNit } from '../../journey-nit.js';
import { sendPage } from '../../page.js';
import { csrfToken } from '../../plugins/csrf.js';
import { routeLimit } from '../../plugins/rate-limit.js';
import type { App } from '../../types.js';
import { journeyTimesPage } from './booking-times.js';
import { fieldState, procedurePage, requireChoice } from './journey-choice.js';
import {
  alternativesFor,
  type Choice,
  choiceOf,
  contextLine,
  departmentsOf,
  officesFor,
  placeLabel,
} from './journey-data.js';
import { deadlineNitView, searchNit } from './journey-nit.js';

const TEXT = Type.Optional(Type.String({ maxLength: 120 }));
export const CriteriaQuery = Type.Object({
  tramite: TEXT,
  canal: TEXT,
  departamento: TEXT,
  ciudad: TEXT,
  oficina: TEXT,
  fecha: TEXT,
  mes: TEXT,
  reserva: TEXT,
  cambio: TEXT,
  modo: TEXT,
  paso: TEXT,
  aviso: TEXT,
});
type Query = { [K in keyof typeof CriteriaQuery.properties]?: string };

const NitPost = Type.Object(
  {
    nit: Type.Optional(Type.String({ maxLength: 60 })),
    accion: TEXT,
    volver: TEXT,
    tramite: TEXT,
    canal: TEXT,
    departamento: TEXT,
    ciudad: TEXT,
    oficina: TEXT,
    fecha: TEXT,
    mes: TEXT,
    reserva: TEXT,
    _csrf: TEXT,
  },
  { additionalProperties: false },
);

/** Only the journey's own criteria, without blanks: the rest of a query never travels on. */
export function criteriaOf(q: Query): Criteria {
  const c: Criteria = {};
  for (const key of CRITERIA_KEYS) {
    if (key === 'cambio') continue;
    const v = q[key]?.trim();
    if (v) c[key] = v;
  }
  if (q.cambio === '1') c.cambio = '1';
  return c;
}

/**
 * Step 4, the calendar of days with room. `nitState` is a NIT that was just refused: the calendar is
 * then shown without any NIT, with the form and its message.
 */
export async function journeyDaysPage(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  criteria: Criteria,
  nitState?: FormState,
) {
  const ctx: ServiceContext = { db: app.deps.database.db, config: app.deps.config, now: app.deps.clock() };
  const nit = nitState ? undefined : searchNit(app, request, criteria);
  const choice = await requireChoice(app, request, reply, criteria);
  if (!choice) return reply;
  const t = (k: string, p?: Record<string, string | number>) => translate(request.locale, k, p);
  const offices = await officesFor(app.deps.database.db, request.locale, choice);
  const departments = departmentsOf(offices);
  const window = bookingWindow(app.deps.clock(), app.deps.config);
  const days = new Map<string, number>();
  let errors: FieldError[] = [];
  try {
    for (let from = window.today; from <= window.lastDate; from = addDays(from, 60)) {
      const to = addDays(from, 59) < window.lastDate ? addDays(from, 59) : window.lastDate;
      const found = await daysIn(ctx, choice, criteria, from, to, nit);
      for (const d of found) days.set(d.date, d.available);
    }
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'VALIDATION') throw err;
    errors = [...err.fieldErrors];
  }
  const firstMonth = window.today.slice(0, 7);
  const lastMonth = window.lastDate.slice(0, 7);
  const firstFree = [...days.keys()][0];
  const month =
    criteria.mes &&
    /^\d{4}-\d{2}$/.test(criteria.mes) &&
    criteria.mes >= firstMonth &&
    criteria.mes <= lastMonth
      ? criteria.mes
      : (firstFree ?? window.today).slice(0, 7);
  const place = placeLabel(t, choice, criteria, offices, departments);
  const back = choice.channel.remote
    ? journeyHref('/reservar/atencion', {
        tramite: criteria.tramite,
        canal: criteria.canal,
        reserva: criteria.reserva,
        cambio: criteria.cambio,
      })
    : criteria.oficina || criteria.ciudad
      ? journeyHref('/reservar/lugar', criteria, { oficina: undefined, mes: undefined, fecha: undefined })
      : journeyHref('/reservar/buscar', {
          tramite: criteria.tramite,
          canal: criteria.canal,
          reserva: criteria.reserva,
          cambio: criteria.cambio,
        });
  return sendPage(
    reply,
    DaysPage({
      locale: request.locale,
      title: t('journey.days.title'),
      context: contextLine(request.locale, choice, place),
      criteria: { ...criteria, mes: undefined, fecha: undefined },
      back,
      month,
      firstMonth,
      lastMonth,
      days,
      alternatives: alternativesFor(choice, criteria, offices, app.deps.config, app.deps.clock()),
      state: fieldState(nitState?.values ?? {}, [...errors, ...(nitState?.errors ?? [])]),
      deadlineNit: criteria.cambio
        ? undefined
        : {
            nit: await deadlineNitView(app, request, nit, { state: nitState }),
            csrf: csrfToken(reply),
          },
    }),
    errors.length > 0 || nitState ? 400 : 200,
  );
}

/** The search pages of /reservar: procedure → channel → place or date → days → times. */
export async function bookingSearchPages(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const ctx = (): ServiceContext => ({ db: db(), config: app.deps.config, now: app.deps.clock() });

  app.get('/reservar', { schema: { hide: true, querystring: CriteriaQuery } }, async (request, reply) => {
    const criteria = criteriaOf(request.query);
    if (!criteria.tramite) return procedurePage(app, reply, request, criteria);
    const procedures = await listProcedures(db(), request.locale);
    const procedure = procedures.find((p) => p.code === criteria.tramite);
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
        if (criteria.tramite) {
          const procedure = (await listProcedures(db(), request.locale)).find(
            (p) => p.code === criteria.tramite,
          );
          if (procedure && !procedure.requiresAppointment)
            return sendPage(reply, OnlineProcedurePage({ locale: request.locale, procedure }));
        }
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
          state: fieldState({ canal: criteria.canal ?? '' }),
          criteria,
        }),
      );
    },
  );

  app.get(
    '/reservar/buscar',
    { schema: { hide: true, querystring: CriteriaQuery } },
    async (request, reply) => {
      const criteria = criteriaOf(request.query);
      const choice = await requireChoice(app, request, reply, criteria);
      if (!choice) return reply;
      const base: Criteria = {
        tramite: criteria.tramite,
        canal: criteria.canal,
        reserva: criteria.reserva,
        cambio: criteria.cambio,
      };
      if (choice.channel.remote) return reply.redirect(journeyHref('/reservar/dias', base), 303);
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
          state: fieldState({ modo: mode ?? '' }, errors),
          criteria: base,
        }),
        errors.length > 0 ? 400 : 200,
      );
    },
  );

  app.get(
    '/reservar/lugar',
    {
      schema: { hide: true, querystring: CriteriaQuery },
      config: { rateLimit: routeLimit(app, LIMITS.search) },
    },
    async (request, reply) => {
      const criteria = criteriaOf(request.query);
      const choice = await requireChoice(app, request, reply, criteria);
      if (!choice) return reply;
      const base: Criteria = {
        tramite: criteria.tramite,
        canal: criteria.canal,
        reserva: criteria.reserva,
        cambio: criteria.cambio,
      };
      if (choice.channel.remote) return reply.redirect(journeyHref('/reservar/dias', base), 303);
      const offices = await officesFor(db(), request.locale, choice);
      const departments = departmentsOf(offices);
      const errors: FieldError[] = [];
      const c: Criteria = { ...base };
      if (criteria.departamento) {
        if (departments.has(criteria.departamento)) c.departamento = criteria.departamento;
        else errors.push({ field: 'departamento', key: 'journey.department.unknown' });
      }
      if (c.departamento && criteria.ciudad) {
        if (offices.some((o) => o.cityCode === criteria.ciudad && o.departmentCode === c.departamento))
          c.ciudad = criteria.ciudad;
        else errors.push({ field: 'ciudad', key: 'booking.city.unknown' });
      }
      if (c.ciudad && request.query.paso === 'oficina') {
        if (!criteria.oficina)
          return reply.redirect(journeyHref('/reservar/dias', base, { ciudad: c.ciudad }), 303);
        if (offices.some((o) => o.code === criteria.oficina && o.cityCode === c.ciudad))
          return reply.redirect(journeyHref('/reservar/dias', base, { oficina: criteria.oficina }), 303);
        errors.push({ field: 'oficina', key: 'booking.office.unknown' });
      }
      if (request.query.paso === 'oficina' && !c.ciudad && errors.length === 0)
        errors.push({ field: 'ciudad', key: 'journey.city.required' });
      const cities = new Map<string, string>();
      for (const o of offices.filter((x) => x.departmentCode === c.departamento))
        cities.set(o.cityCode, o.city);
      const firstFree = c.ciudad
        ? (
            await findFirstAvailable(ctx(), {
              procedure: choice.procedure.code,
              channel: choice.channel.code,
              city: c.ciudad,
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
          criteria: c,
          state: fieldState({ oficina: criteria.oficina ?? '' }, errors),
          options: {
            departments: [...departments].map(([code, name]) => ({ code, name })),
            cities: [...cities]
              .map(([code, name]) => ({ code, name }))
              .sort((a, b) => a.name.localeCompare(b.name, 'es')),
            offices: offices
              .filter((o) => o.cityCode === c.ciudad)
              .map((o) => ({ code: o.code, name: o.name, address: o.address })),
          },
          firstFree: firstFree.map((s) => ({
            officeName: offices.find((o) => o.code === s.officeCode)?.name ?? s.officeCode,
            when: `${formatCivilDate(civilDateOf(s.startsAt), request.locale)}, ${formatTime(s.startsAt, request.locale)}`,
            href: journeyHref('/reservar/horas', base, {
              oficina: s.officeCode,
              fecha: civilDateOf(s.startsAt),
            }),
          })),
        }),
        errors.length > 0 ? 400 : 200,
      );
    },
  );

  app.get(
    '/reservar/dias',
    {
      schema: { hide: true, querystring: CriteriaQuery },
      config: { rateLimit: routeLimit(app, LIMITS.search) },
    },
    async (request, reply) => journeyDaysPage(app, request, reply, criteriaOf(request.query)),
  );

  app.get(
    '/reservar/horas',
    {
      schema: { hide: true, querystring: CriteriaQuery },
      config: { rateLimit: routeLimit(app, LIMITS.search) },
    },
    async (request, reply) => journeyTimesPage(app, request, reply, criteriaOf(request.query)),
  );

  // The NIT box of the calendar and times pages: it keeps the NIT in the sealed journey cookie (never
  // in the address) and goes back to the page it came from.
  app.post(
    '/reservar/nit',
    { schema: { hide: true, body: NitPost }, config: { rateLimit: routeLimit(app, LIMITS.search) } },
    async (request, reply) => {
      const body = request.body;
      const criteria = criteriaOf(body);
      const back = journeyHref(body.volver === 'horas' ? '/reservar/horas' : '/reservar/dias', criteria);
      if (body.accion === 'quitar') {
        forgetNit(request, reply);
        return reply.redirect(back, 303);
      }
      const typed = body.nit?.trim() ?? '';
      const entry = parseNitEntry(typed);
      if (!entry.ok) {
        forgetNit(request, reply);
        const key = typed === '' ? 'deadlineNit.required' : `deadlineNit.${entry.problem}`;
        return journeyDaysPage(
          app,
          request,
          reply,
          { ...criteria, fecha: undefined },
          fieldState({ nit: typed }, [{ field: 'nit', key }]),
        );
      }
      rememberNit(request, reply, entry.base, app.deps.clock());
      return reply.redirect(back, 303);
    },
  );
}

function daysIn(
  ctx: ServiceContext,
  choice: Choice,
  c: Criteria,
  from: string,
  to: string,
  nit: string | undefined,
) {
  const base = { procedure: choice.procedure.code, channel: choice.channel.code, from, to, nit };
  if (choice.channel.remote || c.oficina || c.ciudad)
    return findDays(ctx, {
      ...base,
      office: choice.channel.remote ? undefined : c.oficina,
      city: choice.channel.remote ? undefined : c.oficina ? undefined : c.ciudad,
    });
  return findDaysNationwide(ctx, { ...base, department: c.departamento });
}
