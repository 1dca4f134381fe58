import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** The link that lets a person see or delete their data, sent to the e-mail on record. */
export const MAIL_DATA_SUBJECT_LINK = defineJob({
  name: 'mail.data-subject-link',
  payload: Type.Object(
    { requestId: Type.Integer({ minimum: 1 }), token: Type.String({ minLength: 20, maxLength: 64 }) },
    { additionalProperties: false },
  ),
});
