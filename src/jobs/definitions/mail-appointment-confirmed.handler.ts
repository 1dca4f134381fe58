import { loadAppointmentDetails } from '../../services/mail/appointment-details.js';
import { confirmationMail } from '../../services/mail/compose-appointment.js';
import { scheduleReminder } from '../../services/mail/reminders.js';
import { type JobContext, PermanentJobError } from '../define.js';
import { sendMail } from './send-mail.js';

/** The confirmation e-mail with the calendar file; then the reminder is scheduled. */
export async function run(ctx: JobContext, { appointmentId }: { appointmentId: number }): Promise<void> {
  const known = await loadAppointmentDetails(ctx.db, appointmentId, ctx.config);
  if (!known) throw new PermanentJobError(`appointment ${appointmentId} does not exist`);
  await sendMail(ctx, `appointment-confirmed:${appointmentId}`, 'appointment-confirmed', async (db) => {
    const details = await loadAppointmentDetails(db, appointmentId, ctx.config);
    if (!details || details.status === 'cancelled' || details.person.anonymised) return null;
    if (details.endsAt.getTime() <= ctx.now.getTime()) return null;
    return confirmationMail(details, { publicUrl: ctx.config.publicUrl, now: ctx.now });
  });
  if (known.status === 'booked') await scheduleReminder(ctx.db, known, ctx.config.reminderHours);
}
