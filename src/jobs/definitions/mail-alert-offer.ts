import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Tells a subscriber a place is held for them, with the claim link. Retried quickly: the window is short. */
export const MAIL_ALERT_OFFER = defineJob({
  name: 'mail.alert-offer',
  payload: Type.Object({ offerId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  retry: { baseSeconds: 15, capSeconds: 120 },
});
