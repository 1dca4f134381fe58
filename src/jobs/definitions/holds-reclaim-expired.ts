import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Housekeeping: expired holds give their places back (and to waiting subscribers first). */
export const HOLDS_RECLAIM_EXPIRED = defineJob({
  name: 'holds.reclaim-expired',
  payload: Type.Object({}, { additionalProperties: false }),
  transactional: true,
});
