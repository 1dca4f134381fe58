import { composeAlertOffer } from '../../services/alerts/compose.js';
import type { JobContext } from '../define.js';
import { sendMail } from './send-mail.js';

export async function run(ctx: JobContext, { offerId }: { offerId: number }): Promise<void> {
  await sendMail(ctx, `alert-offer:${offerId}`, 'alert-offer', (db) =>
    composeAlertOffer(db, offerId, { publicUrl: ctx.config.publicUrl, now: ctx.now }),
  );
}
