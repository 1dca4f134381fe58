import { loadAppointmentDetails } from '../../services/mail/appointment-details.js';
import { cancellationMail } from '../../services/mail/compose-appointment.js';
import { type JobContext, PermanentJobError } from '../define.js';
import { sendMail } from './send-mail.js';

/**
 * Says the appointment was cancelled, with the link to book again. A cancellation that is part of a
 * reschedule says nothing (the reschedule e-mail does), nor one done to erase personal data.
 */
export async function run(ctx: JobContext, { appointmentId }: { appointmentId: number }): Promise<void> {
  const known = await loadAppointmentDetails(ctx.db, appointmentId);
  if (!known) throw new PermanentJobError(`appointment ${appointmentId} does not exist`);
  await sendMail(ctx, `appointment-cancelled:${appointmentId}`, 'appointment-cancelled', async (db) => {
    const details = await loadAppointmentDetails(db, appointmentId);
    if (details?.status !== 'cancelled' || details.person.anonymised) return null;
    if (details.cancelReason === 'reschedule' || details.cancelReason === 'privacy') return null;
    return cancellationMail(details, { publicUrl: ctx.config.publicUrl, now: ctx.now });
  });
}
