import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApplicantInput } from '../../../domain/applicant.js';
import { civilDateOf } from '../../../domain/civil-time.js';
import { formatWhen } from '../../../i18n/format.js';
import { type Locale, translate } from '../../../i18n/index.js';
import { getHold, type HoldDetails, sessionKeyOf } from '../../../services/booking.js';
import { listOffices } from '../../../services/catalogue/offices.js';
import { getProcedure } from '../../../services/catalogue/procedures.js';
import { type HeldPlace, HoldGonePage } from '../../../views/booking/applicant.js';
import type { Criteria } from '../../../views/booking/criteria.js';
import { clientSessionId } from '../../client-session.js';
import { sendPage } from '../../page.js';
import type { App } from '../../types.js';
import { channelInfos } from './journey-data.js';

/** What a person typed, kept with the hold exactly as typed (values come back on every page). */
export interface Draft {
  applicant?: Record<string, string>;
  consent?: { accepted: boolean; policyVersion: string };
}

export function draftOf(hold: HoldDetails): Draft {
  const d = hold.draft;
  return d && typeof d === 'object' ? (d as Draft) : {};
}

export function applicantInput(values: Record<string, string> | undefined): ApplicantInput {
  const v = values ?? {};
  // A company's fields count only for a persona jurídica; a natural person's leftovers are ignored.
  const juridica = v.personType === 'juridica';
  return {
    personType: v.personType,
    documentType: v.documentType,
    documentNumber: v.documentNumber,
    firstName: v.firstName,
    lastName: v.lastName,
    email: v.email,
    phone: v.phone,
    nit: juridica ? v.nit : undefined,
    companyName: juridica ? v.companyName : undefined,
  };
}

export function formValues(draft: Draft): Record<string, string> {
  return Object.fromEntries(Object.entries(draft.applicant ?? {}).map(([k, v]) => [`applicant.${k}`, v]));
}

/** The hold, when it is alive and this browser's (holds given out by an alert e-mail belong to no session). */
export async function ownHold(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  holdId: string | undefined,
): Promise<HoldDetails | undefined> {
  if (!holdId) return undefined;
  const hold = await getHold(app.deps.database.db, holdId, app.deps.clock());
  if (!hold) return undefined;
  const mine = sessionKeyOf(clientSessionId(request, reply));
  return hold.sessionKey === null || hold.sessionKey === mine ? hold : undefined;
}

function criteriaOfHold(hold: HoldDetails, remote: boolean): Criteria {
  return {
    tramite: hold.procedure,
    canal: hold.channel,
    oficina: remote ? undefined : hold.officeCode,
    fecha: civilDateOf(hold.startsAt),
    reserva: hold.holdId,
  };
}

export async function heldPlace(app: App, hold: HoldDetails, locale: Locale) {
  const db = app.deps.database.db;
  const procedure = await getProcedure(db, hold.procedure, locale);
  const channel = (await channelInfos(db, locale)).find((c) => c.code === hold.channel);
  const office = (await listOffices(db, locale)).find((o) => o.code === hold.officeCode);
  const remote = channel?.remote ?? false;
  const held: HeldPlace = {
    holdId: hold.holdId,
    procedure: procedure?.name ?? hold.procedure,
    channel: channel?.name ?? hold.channel,
    place: remote
      ? translate(locale, 'journey.place.national')
      : office
        ? `${office.name}, ${office.address}, ${office.city}`
        : hold.officeCode,
    when: `${formatWhen(hold.startsAt, locale)} ${translate(locale, 'journey.bogotaTime')}`,
    expiresAt: hold.expiresAt,
    secondsLeft: (hold.expiresAt.getTime() - app.deps.clock().getTime()) / 1000,
  };
  return { held, criteria: criteriaOfHold(hold, remote) };
}

export function gone(reply: FastifyReply, locale: Locale) {
  return sendPage(reply, HoldGonePage({ locale, restart: '/reservar' }), 410);
}
