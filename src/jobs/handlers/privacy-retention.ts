import { anonymiseExpiredApplicants } from '../../services/privacy/anonymise.js';
import { PRIVACY_RETENTION } from '../definitions/privacy-retention.js';
import { handleJob, type JobContext } from '../handler.js';

/** Works in batches (each its own transaction) until nobody is past the retention period. */
async function run(ctx: JobContext): Promise<void> {
  let total = 0;
  for (;;) {
    const erased = await anonymiseExpiredApplicants(ctx.db, ctx.now, ctx.config.retentionMonths);
    total += erased;
    if (erased === 0) break;
    await ctx.renewLease();
  }
  if (total > 0) ctx.log.info({ applicants: total }, 'applicants past the retention period anonymised');
}

export const PRIVACY_RETENTION_HANDLER = handleJob(PRIVACY_RETENTION, run);
