import { Type } from 'typebox';
import { ALERT_OFFER_EXPIRED_JOB } from '../../services/alerts/offer-place.js';
import { defineJob } from '../define.js';
import { run } from './alerts-offer-expired.handler.js';

/** Runs when an offer's claim window ends: an unclaimed place passes to the next subscriber. */
export const ALERTS_OFFER_EXPIRED = defineJob({
  name: ALERT_OFFER_EXPIRED_JOB,
  payload: Type.Object({ offerId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  transactional: true,
  retry: { baseSeconds: 10, capSeconds: 120 },
  run,
});
