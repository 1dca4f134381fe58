import { composeAlertConfirmation } from '../../services/alerts/compose.js';
import type { JobContext } from '../define.js';
import { sendMail } from './send-mail.js';

export async function run(ctx: JobContext, { subscriptionId }: { subscriptionId: number }): Promise<void> {
  await sendMail(ctx, `alert-confirm:${subscriptionId}`, 'alert-confirm', (db) =>
    composeAlertConfirmation(db, subscriptionId, { publicUrl: ctx.config.publicUrl, now: ctx.now }),
  );
}
