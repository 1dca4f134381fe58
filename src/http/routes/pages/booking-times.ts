import type { FastifyReply, FastifyRequest } from 'fastify';
import { isCivilDate } from '../../../domain/civil-time.js';
import { AppError } from '../../../domain/errors.js';
import { formatTime } from '../../../i18n/format.js';
import { translate } from '../../../i18n/index.js';
import { findSlots } from '../../../services/availability.js';
import type { ServiceContext } from '../../../services/context.js';
import { findSlotsNationwide } from '../../../services/journey/search.js';
import { type SlotGroup, TimesPage } from '../../../views/booking/calendar.js';
import { type Criteria, journeyHref } from '../../../views/booking/criteria.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { sendPage } from '../../page.js';
import { csrfToken } from '../../plugins/csrf.js';
import type { App } from '../../types.js';
import { requireChoice } from './journey-choice.js';
import {
  alternativesFor,
  type Choice,
  contextLine,
  departmentsOf,
  officesFor,
  placeLabel,
} from './journey-data.js';
import { deadlineNitView, searchNit } from './journey-nit.js';

/** The times page, also re-rendered by the hold POST when the chosen time could not be held. */
export async function journeyTimesPage(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  criteria: Criteria,
  state: FormState = emptyForm(),
  status = 200,
) {
  const db = () => app.deps.database.db;
  const ctx = (): ServiceContext => ({ db: db(), config: app.deps.config, now: app.deps.clock() });
  const choice = await requireChoice(app, request, reply, criteria);
  if (!choice) return reply;
  const t = (k: string, p?: Record<string, string | number>) => translate(request.locale, k, p);
  const offices = await officesFor(db(), request.locale, choice);
  const departments = departmentsOf(offices);
  const date = criteria.fecha ?? '';
  const dayCriteria = { ...criteria, fecha: undefined, mes: date.slice(0, 7) || undefined };
  if (!isCivilDate(date)) return reply.redirect(journeyHref('/reservar/dias', dayCriteria), 303);
  const nit = searchNit(app, request, criteria);
  let slots: Awaited<ReturnType<typeof findSlots>> = [];
  const errors = [...state.errors];
  try {
    slots = await slotsOn(ctx(), choice, criteria, date, nit);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'VALIDATION') throw err;
    errors.push(...err.fieldErrors);
  }
  const groups: SlotGroup[] = [];
  for (const s of slots) {
    const office = offices.find((o) => o.code === s.officeCode);
    const name = choice.channel.remote ? choice.channel.name : (office?.name ?? s.officeCode);
    let group = groups.find((g) => g.officeName === name);
    if (!group) {
      group = {
        officeName: name,
        detail: choice.channel.remote ? undefined : office ? `${office.address}, ${office.city}` : undefined,
        slots: [],
      };
      groups.push(group);
    }
    group.slots.push({
      slotId: s.slotId,
      time: formatTime(s.startsAt, request.locale),
      available: s.available,
    });
  }
  const national = !choice.channel.remote && !criteria.oficina && !criteria.ciudad;
  return sendPage(
    reply,
    TimesPage({
      locale: request.locale,
      date,
      context: contextLine(request.locale, choice, placeLabel(t, choice, criteria, offices, departments)),
      criteria,
      back: journeyHref('/reservar/dias', dayCriteria),
      groups,
      alternatives: alternativesFor(choice, criteria, offices, app.deps.config, app.deps.clock()),
      state: { values: state.values, errors },
      mode: criteria.cambio
        ? { kind: 'reschedule' }
        : { kind: 'hold', csrf: csrfToken(reply), captcha: app.deps.config.captcha },
      departments: national ? [...departments].map(([code, name]) => ({ code, name })) : undefined,
      deadlineNit: nit ? await deadlineNitView(app, request, nit, { date }) : undefined,
    }),
    errors.length > 0 && status === 200 ? 400 : status,
  );
}

function slotsOn(ctx: ServiceContext, choice: Choice, c: Criteria, date: string, nit: string | undefined) {
  const base = { procedure: choice.procedure.code, channel: choice.channel.code, date, nit };
  if (choice.channel.remote || c.oficina || c.ciudad)
    return findSlots(ctx, {
      ...base,
      office: choice.channel.remote ? undefined : c.oficina,
      city: choice.channel.remote ? undefined : c.oficina ? undefined : c.ciudad,
    });
  return findSlotsNationwide(ctx, { ...base, department: c.departamento });
}
