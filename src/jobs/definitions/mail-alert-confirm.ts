import { Type } from 'typebox';
import { ALERT_CONFIRM_MAIL_JOB } from '../../services/alerts/subscribe.js';
import { defineJob } from '../define.js';
import { run } from './mail-alert-confirm.handler.js';

/** The first e-mail of an alert subscription, with the confirmation link. */
export const MAIL_ALERT_CONFIRM = defineJob({
  name: ALERT_CONFIRM_MAIL_JOB,
  payload: Type.Object({ subscriptionId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  run,
});
