import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Runs when an offer's claim window ends: an unclaimed place passes to the next subscriber. */
export const ALERTS_OFFER_EXPIRED = defineJob({
  name: 'alerts.offer-expired',
  payload: Type.Object({ offerId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  transactional: true,
  retry: { baseSeconds: 10, capSeconds: 120 },
});
