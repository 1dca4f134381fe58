import { dataSubjectToken, linkRecipient } from '../../services/privacy/data-subject.js';
import { dataSubjectLinkMail } from '../../views/mail/data-subject-mail.js';
import { MAIL_DATA_SUBJECT_LINK } from '../definitions/mail-data-subject-link.js';
import { handleJob, type JobContext } from '../handler.js';
import { sendMail } from './send-mail.js';

async function run(ctx: JobContext, { requestId }: { requestId: number }): Promise<void> {
  const token = dataSubjectToken(ctx.config.sessionSecret, requestId);
  await sendMail(ctx, `data-subject:${requestId}`, 'data-subject-link', async (db) => {
    const recipient = await linkRecipient(db, requestId, ctx.now);
    return recipient ? dataSubjectLinkMail(recipient, token, ctx.config.publicUrl) : null;
  });
}

export const MAIL_DATA_SUBJECT_LINK_HANDLER = handleJob(MAIL_DATA_SUBJECT_LINK, run);
