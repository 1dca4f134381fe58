import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Tells an entry the draw gave it no place yet, and its number on the release's waiting list. */
export const MAIL_RELEASE_RESULT = defineJob({
  name: 'mail.release-result',
  payload: Type.Object({ entryId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
});
