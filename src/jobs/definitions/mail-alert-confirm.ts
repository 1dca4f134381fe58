import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** The first e-mail of an alert subscription, with the confirmation link. */
export const MAIL_ALERT_CONFIRM = defineJob({
  name: 'mail.alert-confirm',
  payload: Type.Object({ subscriptionId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
});
