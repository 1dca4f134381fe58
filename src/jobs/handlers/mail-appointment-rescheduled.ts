import { loadAppointmentDetails } from '../../services/appointment-details.js';
import { scheduleReminder } from '../../services/mail/reminders.js';
import { rescheduleMail } from '../../views/mail/appointment-mails.js';
import { MAIL_APPOINTMENT_RESCHEDULED } from '../definitions/mail-appointment-rescheduled.js';
import { handleJob, type JobContext, PermanentJobError } from '../handler.js';
import { sendMail } from './send-mail.js';

/** The new time with its calendar file, naming the old time; then the new reminder is scheduled. */
async function run(
  ctx: JobContext,
  { appointmentId, previousAppointmentId }: { appointmentId: number; previousAppointmentId: number },
): Promise<void> {
  const known = await loadAppointmentDetails(ctx.db, appointmentId, ctx.config);
  if (!known) throw new PermanentJobError(`appointment ${appointmentId} does not exist`);
  const key = `appointment-rescheduled:${appointmentId}:${previousAppointmentId}`;
  await sendMail(ctx, key, 'appointment-rescheduled', async (db) => {
    const details = await loadAppointmentDetails(db, appointmentId, ctx.config);
    const previous = await loadAppointmentDetails(db, previousAppointmentId, ctx.config);
    if (!details || !previous || details.status === 'cancelled' || details.person.anonymised) return null;
    if (details.endsAt.getTime() <= ctx.now.getTime()) return null;
    return rescheduleMail(details, previous, { publicUrl: ctx.config.publicUrl, now: ctx.now });
  });
  if (known.status === 'booked') await scheduleReminder(ctx.db, known, ctx.config.reminderHours);
}

export const MAIL_APPOINTMENT_RESCHEDULED_HANDLER = handleJob(MAIL_APPOINTMENT_RESCHEDULED, run);
