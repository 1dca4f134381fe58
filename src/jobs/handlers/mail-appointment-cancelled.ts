import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { passState } from '../../domain/rebook.js';
import { selectPassOfAppointment } from '../../repositories/rebook.js';
import { rebookToken } from '../../security/rebook-token.js';
import { loadAppointmentDetails } from '../../services/appointment-details.js';
import { cancellationMail, type RebookOffer } from '../../views/mail/appointment-mails.js';
import { MAIL_APPOINTMENT_CANCELLED } from '../definitions/mail-appointment-cancelled.js';
import { handleJob, type JobContext, PermanentJobError } from '../handler.js';
import { sendMail } from './send-mail.js';

/** The closure's rebooking pass as the e-mail offers it, while it is still open. */
async function rebookOffer(
  db: Kysely<DB>,
  appointmentId: number,
  ctx: JobContext,
): Promise<RebookOffer | undefined> {
  const pass = await selectPassOfAppointment(db, appointmentId);
  if (!pass || passState(pass.status, pass.expires_at, ctx.now) !== 'open') return undefined;
  const kept =
    pass.kept_starts_at && pass.kept_until && pass.kept_until > ctx.now
      ? {
          startsAt: pass.kept_starts_at,
          place: `${pass.kept_office_name ?? ''}, ${pass.kept_office_address ?? ''}`,
          until: pass.kept_until,
        }
      : undefined;
  return {
    href: `${ctx.config.publicUrl}/reservar/prioridad/${rebookToken(ctx.config.sessionSecret, pass.id)}`,
    expiresAt: pass.expires_at,
    kept,
  };
}

/**
 * Says the appointment was cancelled, with the link to book again: after a closure, the link of the
 * person's rebooking pass and the place kept for them. A cancellation that is part of a reschedule says
 * nothing (the reschedule e-mail does), nor one done to erase personal data.
 */
async function run(ctx: JobContext, { appointmentId }: { appointmentId: number }): Promise<void> {
  const known = await loadAppointmentDetails(ctx.db, appointmentId, ctx.config);
  if (!known) throw new PermanentJobError(`appointment ${appointmentId} does not exist`);
  await sendMail(ctx, `appointment-cancelled:${appointmentId}`, 'appointment-cancelled', async (db) => {
    const details = await loadAppointmentDetails(db, appointmentId, ctx.config);
    if (details?.status !== 'cancelled' || details.person.anonymised) return null;
    if (details.cancelReason === 'reschedule' || details.cancelReason === 'privacy') return null;
    const rebook = details.cancelReason === 'closure' ? await rebookOffer(db, appointmentId, ctx) : undefined;
    return cancellationMail(details, { publicUrl: ctx.config.publicUrl, now: ctx.now }, rebook);
  });
}

export const MAIL_APPOINTMENT_CANCELLED_HANDLER = handleJob(MAIL_APPOINTMENT_CANCELLED, run);
