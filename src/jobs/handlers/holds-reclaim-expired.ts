import { reclaimExpiredHolds } from '../../services/alerts/reclaim-places.js';
import { alertSettings } from '../../services/alerts/settings.js';
import { HOLDS_RECLAIM_EXPIRED } from '../definitions/holds-reclaim-expired.js';
import { handleJob, type JobContext } from '../handler.js';

async function run(ctx: JobContext): Promise<void> {
  const result = await reclaimExpiredHolds(ctx.db, ctx.now, alertSettings(ctx.config), { limit: 500 });
  if (result.reclaimed > 0) {
    ctx.log.info({ holds: result.reclaimed, offers: result.offers.length }, 'expired holds reclaimed');
  }
}

export const HOLDS_RECLAIM_EXPIRED_HANDLER = handleJob(HOLDS_RECLAIM_EXPIRED, run);
