import { alertConfirmation } from '../../services/alerts/mail-links.js';
import { alertConfirmationMail } from '../../views/mail/alert-mails.js';
import { MAIL_ALERT_CONFIRM } from '../definitions/mail-alert-confirm.js';
import { handleJob, type JobContext } from '../handler.js';
import { sendMail } from './send-mail.js';

async function run(ctx: JobContext, { subscriptionId }: { subscriptionId: number }): Promise<void> {
  await sendMail(ctx, `alert-confirm:${subscriptionId}`, 'alert-confirm', async (db) => {
    const confirmation = await alertConfirmation(db, subscriptionId, {
      publicUrl: ctx.config.publicUrl,
      now: ctx.now,
    });
    return confirmation ? alertConfirmationMail(confirmation) : null;
  });
}

export const MAIL_ALERT_CONFIRM_HANDLER = handleJob(MAIL_ALERT_CONFIRM, run);
