import { composeDataSubjectLink } from '../../services/privacy/compose.js';
import type { JobContext } from '../define.js';
import { sendMail } from './send-mail.js';

export async function run(
  ctx: JobContext,
  { requestId, token }: { requestId: number; token: string },
): Promise<void> {
  await sendMail(ctx, `data-subject:${requestId}`, 'data-subject-link', (db) =>
    composeDataSubjectLink(db, requestId, token, { publicUrl: ctx.config.publicUrl, now: ctx.now }),
  );
}
