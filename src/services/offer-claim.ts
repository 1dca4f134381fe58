import { claimOffer as claimAlertOffer } from './alerts/claim-offer.js';
import { alertSettings } from './alerts/settings.js';
import { claimReleaseOffer, type PlaceRules } from './releases/offers.js';
import type { ReleaseSettings } from './releases/release-settings.js';

/**
 * Claims a place offered by e-mail, whichever kind of offer the link's token is for: a draw's (the
 * signed `offerId.mac` form) or an alert's (a random token whose hash is stored). Kiosks, apps and tests
 * claim both through `POST /api/v1/offers/claim`; either way the answer is a hold to confirm as usual.
 */
export async function claimOffer(
  ctx: {
    db: Parameters<typeof claimReleaseOffer>[0]['db'];
    now: Date;
    settings: ReleaseSettings;
    rules: PlaceRules;
  },
  token: string,
  sessionKey: string,
): Promise<{ holdId: string; expiresAt: Date }> {
  if (token.includes('.')) return claimReleaseOffer(ctx, token, sessionKey);
  const claimed = await claimAlertOffer(ctx.db, token, ctx.now, alertSettings(ctx.rules));
  return { holdId: claimed.holdId, expiresAt: claimed.holdExpiresAt };
}
