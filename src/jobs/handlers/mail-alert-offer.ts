import { composeAlertOffer } from '../../services/alerts/compose.js';
import { MAIL_ALERT_OFFER } from '../definitions/mail-alert-offer.js';
import { handleJob, type JobContext } from '../handler.js';
import { sendMail } from './send-mail.js';

async function run(ctx: JobContext, { offerId }: { offerId: number }): Promise<void> {
  await sendMail(ctx, `alert-offer:${offerId}`, 'alert-offer', (db) =>
    composeAlertOffer(db, offerId, { publicUrl: ctx.config.publicUrl, now: ctx.now }),
  );
}

export const MAIL_ALERT_OFFER_HANDLER = handleJob(MAIL_ALERT_OFFER, run);
