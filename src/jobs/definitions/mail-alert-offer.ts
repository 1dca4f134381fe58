import { Type } from 'typebox';
import { ALERT_OFFER_MAIL_JOB } from '../../services/alerts/offer-place.js';
import { defineJob } from '../define.js';
import { run } from './mail-alert-offer.handler.js';

/** Tells a subscriber a place is held for them, with the claim link. Retried quickly: the window is short. */
export const MAIL_ALERT_OFFER = defineJob({
  name: ALERT_OFFER_MAIL_JOB,
  payload: Type.Object({ offerId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  retry: { baseSeconds: 15, capSeconds: 120 },
  run,
});
