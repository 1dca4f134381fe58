import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** The link that makes an application to a release count (and lets the person withdraw it). */
export const MAIL_RELEASE_ENTRY = defineJob({
  name: 'mail.release-entry',
  payload: Type.Object({ entryId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
});
