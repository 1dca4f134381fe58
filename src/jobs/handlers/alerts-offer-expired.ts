import { passOnExpiredOffer } from '../../services/alerts/reclaim-places.js';
import { alertSettings } from '../../services/alerts/settings.js';
import { ALERTS_OFFER_EXPIRED } from '../definitions/alerts-offer-expired.js';
import { handleJob } from '../handler.js';

export const ALERTS_OFFER_EXPIRED_HANDLER = handleJob(ALERTS_OFFER_EXPIRED, (ctx, { offerId }) =>
  passOnExpiredOffer(ctx.db, offerId, ctx.now, alertSettings(ctx.config)),
);
