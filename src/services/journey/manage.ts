import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { isRemote } from '../../domain/channels.js';
import { notFound } from '../../domain/errors.js';
import { type Locale, translate } from '../../i18n/index.js';
import { selectSlotFacts } from '../../repositories/availability.js';
import { selectManageCredentials } from '../../repositories/manage.js';
import type { AppointmentDetails } from '../appointment-details.js';
import { cancelAppointment, rescheduleAppointment } from '../appointments.js';
import { listOffices } from '../catalogue/offices.js';
import type { ServiceContext } from '../context.js';
import { journeyHref } from './criteria.js';
import { bogotaWhen, officeLine } from './wording.js';

/**
 * "Gestionar cita" on the web: after one successful look-up (code + document) the browser keeps only a
 * signed reference to the appointment, so neither the code nor the document travels again. These
 * functions turn that reference back into the credentials the appointment services check.
 */
async function credentials(ctx: ServiceContext, appointmentId: number) {
  const row = await selectManageCredentials(ctx.db, appointmentId);
  if (!row) throw notFound('appointment.notFound');
  return { code: row.code, documentNumber: row.document_number };
}

export async function cancelManagedAppointment(ctx: ServiceContext, appointmentId: number) {
  return cancelAppointment(ctx, await credentials(ctx, appointmentId));
}

export async function rescheduleManagedAppointment(
  ctx: ServiceContext,
  appointmentId: number,
  slotId: number,
): Promise<{ appointmentId: number; code: string }> {
  return rescheduleAppointment(ctx, { ...(await credentials(ctx, appointmentId)), slotId });
}

/** Where choosing a new time starts: the calendar of the same procedure and channel (and office). */
export function rescheduleStart(appointment: AppointmentDetails): string {
  const criteria = { tramite: appointment.procedure.code, canal: appointment.channel.code, cambio: '1' };
  return isRemote(appointment.channel.code)
    ? journeyHref('/reservar/dias', criteria)
    : journeyHref('/reservar/dias', { ...criteria, oficina: appointment.office.code });
}

/**
 * The time a person picked to move to, as the confirmation step shows it (when, where, and the way back
 * to that day's times); undefined when there is no such slot for the appointment's procedure.
 */
export async function rescheduleChoice(
  db: Kysely<DB>,
  slotId: number,
  appointment: AppointmentDetails,
  locale: Locale,
): Promise<{ when: string; place: string; back: string } | undefined> {
  const facts = await selectSlotFacts(db, slotId, appointment.procedure.code);
  if (!facts) return undefined;
  const remote = isRemote(appointment.channel.code);
  const office = (await listOffices(db, locale)).find((o) => o.code === facts.office_code);
  return {
    when: bogotaWhen(facts.starts_at, locale),
    place: remote
      ? translate(locale, `journey.channel.${appointment.channel.code}`)
      : office
        ? officeLine(office)
        : facts.office_code,
    back: journeyHref('/reservar/horas', {
      tramite: appointment.procedure.code,
      canal: appointment.channel.code,
      oficina: remote ? undefined : facts.office_code,
      fecha: facts.local_date,
      cambio: '1',
    }),
  };
}
