import { scheduleMissingReminders } from '../../services/mail/reminders.js';
import type { JobContext } from '../define.js';

export async function run(ctx: JobContext): Promise<void> {
  const queued = await scheduleMissingReminders(ctx.db, ctx.now, ctx.config.reminderHours);
  if (queued > 0) ctx.log.info({ reminders: queued }, 'missing reminders scheduled');
}
