import { matchWaitingSubscriptions } from '../../services/alerts/offer-place.js';
import { alertSettings } from '../../services/alerts/settings.js';
import { ALERTS_MATCH } from '../definitions/alerts-match.js';
import { handleJob, type JobContext } from '../handler.js';

async function run(ctx: JobContext): Promise<void> {
  const offers = await matchWaitingSubscriptions(ctx.db, ctx.now, alertSettings(ctx.config));
  if (offers.length > 0) ctx.log.info({ offers: offers.length }, 'alert offers made');
}

export const ALERTS_MATCH_HANDLER = handleJob(ALERTS_MATCH, run);
