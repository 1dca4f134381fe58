import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** The link that lets a person see or delete their data, sent to the e-mail on record. */
export const MAIL_DATA_SUBJECT_LINK = defineJob({
  name: 'mail.data-subject-link',
  // The id only: the mailer derives the link's token from it (nothing secret waits in the queue).
  payload: Type.Object({ requestId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
});
