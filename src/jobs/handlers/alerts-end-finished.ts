import { endFinishedSubscriptions } from '../../services/alerts/end-finished-subscriptions.js';
import { ALERTS_END_FINISHED } from '../definitions/alerts-end-finished.js';
import { handleJob, type JobContext } from '../handler.js';

async function run(ctx: JobContext): Promise<void> {
  const result = await endFinishedSubscriptions(ctx.db, ctx.now);
  if (result.ended + result.deleted > 0) ctx.log.info(result, 'alert subscriptions ended or deleted');
}

export const ALERTS_END_FINISHED_HANDLER = handleJob(ALERTS_END_FINISHED, run);
