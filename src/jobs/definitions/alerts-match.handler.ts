import { matchWaitingSubscriptions } from '../../services/alerts/offer-place.js';
import { alertSettings } from '../../services/alerts/settings.js';
import type { JobContext } from '../define.js';

export async function run(ctx: JobContext): Promise<void> {
  const offers = await matchWaitingSubscriptions(ctx.db, ctx.now, alertSettings(ctx.config));
  if (offers.length > 0) ctx.log.info({ offers: offers.length }, 'alert offers made');
}
