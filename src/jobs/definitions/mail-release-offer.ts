import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Tells a drawn entry which place is kept for it, with the claim link. Retried quickly: the window runs. */
export const MAIL_RELEASE_OFFER = defineJob({
  name: 'mail.release-offer',
  payload: Type.Object({ offerId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  retry: { baseSeconds: 15, capSeconds: 300 },
});
