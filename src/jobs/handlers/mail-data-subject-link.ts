import { composeDataSubjectLink } from '../../services/privacy/compose.js';
import { MAIL_DATA_SUBJECT_LINK } from '../definitions/mail-data-subject-link.js';
import { handleJob, type JobContext } from '../handler.js';
import { sendMail } from './send-mail.js';

async function run(
  ctx: JobContext,
  { requestId, token }: { requestId: number; token: string },
): Promise<void> {
  await sendMail(ctx, `data-subject:${requestId}`, 'data-subject-link', (db) =>
    composeDataSubjectLink(db, requestId, token, { publicUrl: ctx.config.publicUrl, now: ctx.now }),
  );
}

export const MAIL_DATA_SUBJECT_LINK_HANDLER = handleJob(MAIL_DATA_SUBJECT_LINK, run);
