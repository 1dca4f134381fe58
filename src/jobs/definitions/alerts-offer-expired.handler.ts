import { reclaimExpiredHolds } from '../../services/alerts/reclaim-places.js';
import { alertSettings } from '../../services/alerts/settings.js';
import type { JobContext } from '../define.js';

export async function run(ctx: JobContext, { offerId }: { offerId: number }): Promise<void> {
  const offer = await ctx.db
    .selectFrom('alert_offers')
    .select(['slot_id', 'status'])
    .where('id', '=', offerId)
    .executeTakeFirst();
  if (offer?.status !== 'offered') return;
  await reclaimExpiredHolds(ctx.db, ctx.now, alertSettings(ctx.config), { slotId: offer.slot_id });
}
