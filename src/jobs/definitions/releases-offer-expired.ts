import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Runs when a draw offer's claim window ends: an unclaimed place passes to the next entry. */
export const RELEASES_OFFER_EXPIRED = defineJob({
  name: 'releases.offer-expired',
  payload: Type.Object({ offerId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  transactional: true,
  retry: { baseSeconds: 10, capSeconds: 120 },
});
