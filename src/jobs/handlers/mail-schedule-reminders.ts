import { scheduleMissingReminders } from '../../services/mail/reminders.js';
import { MAIL_SCHEDULE_REMINDERS } from '../definitions/mail-schedule-reminders.js';
import { handleJob, type JobContext } from '../handler.js';

async function run(ctx: JobContext): Promise<void> {
  const queued = await scheduleMissingReminders(ctx.db, ctx.now, ctx.config.reminderHours);
  if (queued > 0) ctx.log.info({ reminders: queued }, 'missing reminders scheduled');
}

export const MAIL_SCHEDULE_REMINDERS_HANDLER = handleJob(MAIL_SCHEDULE_REMINDERS, run);
