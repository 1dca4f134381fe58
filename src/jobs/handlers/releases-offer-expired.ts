import { expireReleaseOffer } from '../../services/releases/offers.js';
import { releaseSettings } from '../../services/releases/release-settings.js';
import { RELEASES_OFFER_EXPIRED } from '../definitions/releases-offer-expired.js';
import { handleJob } from '../handler.js';

export const RELEASES_OFFER_EXPIRED_HANDLER = handleJob(RELEASES_OFFER_EXPIRED, (ctx, { offerId }) =>
  expireReleaseOffer(ctx.db, offerId, {
    now: ctx.now,
    settings: releaseSettings(ctx.config),
    rules: ctx.config,
  }),
);
