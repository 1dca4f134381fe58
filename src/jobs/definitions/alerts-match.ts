import { Type } from 'typebox';
import { defineJob } from '../define.js';

/**
 * Offers free places to waiting subscribers in subscription order: periodic, and queued when a
 * subscription is confirmed. Agenda publishing can queue it too
 * (`enqueue(trx, ALERTS_MATCH, {}, { runAt: now })`) so new places reach subscribers at once.
 */
export const ALERTS_MATCH = defineJob({
  name: 'alerts.match',
  payload: Type.Object({}, { additionalProperties: false }),
  transactional: true,
});
