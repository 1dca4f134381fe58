import { alertOffer } from '../../services/alerts/mail-links.js';
import { alertOfferMail } from '../../views/mail/alert-mails.js';
import { MAIL_ALERT_OFFER } from '../definitions/mail-alert-offer.js';
import { handleJob, type JobContext } from '../handler.js';
import { sendMail } from './send-mail.js';

async function run(ctx: JobContext, { offerId }: { offerId: number }): Promise<void> {
  await sendMail(ctx, `alert-offer:${offerId}`, 'alert-offer', async (db) => {
    const offer = await alertOffer(db, offerId, { publicUrl: ctx.config.publicUrl, now: ctx.now });
    return offer ? alertOfferMail(offer) : null;
  });
}

export const MAIL_ALERT_OFFER_HANDLER = handleJob(MAIL_ALERT_OFFER, run);
