import { deleteFinishedJobs } from '../../repositories/jobs.js';
import { deleteOldDeliveries } from '../../repositories/mail.js';
import { JOBS_PRUNE } from '../definitions/jobs-prune.js';
import { handleJob, type JobContext } from '../handler.js';

const DAY = 86_400_000;
/** Done jobs are kept a week (to look into), failed ones 90 days (to act on), deliveries 30 days. */
const KEEP = { doneDays: 7, failedDays: 90, deliveryDays: 30 } as const;

async function run(ctx: JobContext): Promise<void> {
  const now = ctx.now.getTime();
  const jobs = await deleteFinishedJobs(ctx.db, {
    doneBefore: new Date(now - KEEP.doneDays * DAY),
    failedBefore: new Date(now - KEEP.failedDays * DAY),
  });
  const deliveries = await deleteOldDeliveries(ctx.db, new Date(now - KEEP.deliveryDays * DAY));
  if (jobs + deliveries > 0) ctx.log.info({ jobs, deliveries }, 'old jobs and deliveries deleted');
}

export const JOBS_PRUNE_HANDLER = handleJob(JOBS_PRUNE, run);
