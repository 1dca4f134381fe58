import { loadAppointmentDetails } from '../../services/appointment-details.js';
import { scheduleReminder } from '../../services/mail/reminders.js';
import { confirmationMail } from '../../views/mail/appointment-mails.js';
import { MAIL_APPOINTMENT_CONFIRMED } from '../definitions/mail-appointment-confirmed.js';
import { handleJob, type JobContext, PermanentJobError } from '../handler.js';
import { sendMail } from './send-mail.js';

/** The confirmation e-mail with the calendar file; then the reminder is scheduled. */
async function run(ctx: JobContext, { appointmentId }: { appointmentId: number }): Promise<void> {
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

export const MAIL_APPOINTMENT_CONFIRMED_HANDLER = handleJob(MAIL_APPOINTMENT_CONFIRMED, run);
