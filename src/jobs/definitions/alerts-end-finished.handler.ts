import { endFinishedSubscriptions } from '../../services/alerts/end-finished-subscriptions.js';
import type { JobContext } from '../define.js';

export async function run(ctx: JobContext): Promise<void> {
  const result = await endFinishedSubscriptions(ctx.db, ctx.now);
  if (result.ended + result.deleted > 0) ctx.log.info(result, 'alert subscriptions ended or deleted');
}
