import { reclaimExpiredHolds } from '../../services/alerts/reclaim-places.js';
import { alertSettings } from '../../services/alerts/settings.js';
import type { JobContext } from '../define.js';

export async function run(ctx: JobContext): Promise<void> {
  const result = await reclaimExpiredHolds(ctx.db, ctx.now, alertSettings(ctx.config), { limit: 500 });
  if (result.reclaimed > 0) {
    ctx.log.info({ holds: result.reclaimed, offers: result.offers.length }, 'expired holds reclaimed');
  }
}
