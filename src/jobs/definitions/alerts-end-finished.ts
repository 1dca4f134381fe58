import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Housekeeping: subscriptions end after their date range; closed ones are deleted after a while. */
export const ALERTS_END_FINISHED = defineJob({
  name: 'alerts.end-finished',
  payload: Type.Object({}, { additionalProperties: false }),
  transactional: true,
});
