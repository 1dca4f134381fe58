import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import { selectSlotFacts } from '../../repositories/availability.js';
import { selectAppointmentIdByCode, selectManageCredentials } from '../../repositories/manage.js';
import { cancelAppointment, lookupAppointment, rescheduleAppointment } from '../appointments.js';
import type { ServiceContext } from '../context.js';

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

/** The appointment behind a code and a document (the same NOT_FOUND for either being wrong). */
export async function findManagedAppointment(
  db: Kysely<DB>,
  r: { code: string; documentNumber: string },
): Promise<number> {
  const view = await lookupAppointment(db, r, 'es');
  const row = await selectAppointmentIdByCode(db, view.code);
  if (!row) throw notFound('appointment.notFound');
  return row.id;
}

/** The slot a person picked to move to, as the confirmation step describes it; undefined if unknown. */
export async function rescheduleTarget(
  db: Kysely<DB>,
  slotId: number,
  procedure: string,
): Promise<{ officeCode: string; startsAt: Date; localDate: string } | undefined> {
  const facts = await selectSlotFacts(db, slotId, procedure);
  return facts && { officeCode: facts.office_code, startsAt: facts.starts_at, localDate: facts.local_date };
}
