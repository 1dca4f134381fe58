import { reclaimExpiredHolds } from '../../services/alerts/reclaim-places.js';
import { alertSettings } from '../../services/alerts/settings.js';
import { reclaimExpiredReleaseHolds } from '../../services/releases/reclaim.js';
import { releaseSettings } from '../../services/releases/release-settings.js';
import { HOLDS_RECLAIM_EXPIRED } from '../definitions/holds-reclaim-expired.js';
import { handleJob, type JobContext } from '../handler.js';

async function run(ctx: JobContext): Promise<void> {
  const alerts = alertSettings(ctx.config);
  const result = await reclaimExpiredHolds(ctx.db, ctx.now, alerts, { limit: 500 });
  const ofReleases = await reclaimExpiredReleaseHolds(ctx.db, ctx.now, {
    draw: releaseSettings(ctx.config),
    alerts,
    releaseDelaySeconds: ctx.config.releaseDelaySeconds,
  });
  if (result.reclaimed + ofReleases > 0) {
    ctx.log.info(
      { holds: result.reclaimed, ofReleases, offers: result.offers.length },
      'expired holds reclaimed',
    );
  }
}

export const HOLDS_RECLAIM_EXPIRED_HANDLER = handleJob(HOLDS_RECLAIM_EXPIRED, run);
