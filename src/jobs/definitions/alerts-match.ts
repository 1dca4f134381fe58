import { Type } from 'typebox';
import { ALERTS_MATCH_JOB } from '../../services/alerts/confirm-subscription.js';
import { defineJob } from '../define.js';
import { run } from './alerts-match.handler.js';

/**
 * Offers free places to waiting subscribers in subscription order: periodic, and queued when a
 * subscription is confirmed. Agenda publishing can queue it too (`enqueue(trx, {name: 'alerts.match',
 * payload: {}})`) so new places reach subscribers at once.
 */
export const ALERTS_MATCH = defineJob({
  name: ALERTS_MATCH_JOB,
  payload: Type.Object({}, { additionalProperties: false }),
  transactional: true,
  run,
});
