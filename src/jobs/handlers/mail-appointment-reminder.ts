import { loadAppointmentDetails } from '../../services/appointment-details.js';
import { reminderMail } from '../../views/mail/appointment-mails.js';
import { MAIL_APPOINTMENT_REMINDER } from '../definitions/mail-appointment-reminder.js';
import { handleJob, type JobContext } from '../handler.js';
import { sendMail } from './send-mail.js';

/** The reminder, unless the appointment was cancelled, moved to another time, or has begun. */
async function run(
  ctx: JobContext,
  { appointmentId, startsAt }: { appointmentId: number; startsAt: string },
): Promise<void> {
  const scheduledFor = new Date(startsAt).getTime();
  await sendMail(
    ctx,
    `appointment-reminder:${appointmentId}:${startsAt}`,
    'appointment-reminder',
    async (db) => {
      const details = await loadAppointmentDetails(db, appointmentId, ctx.config);
      if (details?.status !== 'booked' || details.person.anonymised) return null;
      if (details.startsAt.getTime() !== scheduledFor) return null;
      if (details.startsAt.getTime() <= ctx.now.getTime()) return null;
      return reminderMail(details, { publicUrl: ctx.config.publicUrl, now: ctx.now });
    },
  );
}

export const MAIL_APPOINTMENT_REMINDER_HANDLER = handleJob(MAIL_APPOINTMENT_REMINDER, run);
