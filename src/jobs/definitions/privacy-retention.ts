import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Retention: applicants whose last appointment ended RETENTION_MONTHS ago are anonymised. */
export const PRIVACY_RETENTION = defineJob({
  name: 'privacy.retention',
  payload: Type.Object({}, { additionalProperties: false }),
});
