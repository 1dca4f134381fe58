import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Housekeeping: finished jobs, old delivery records and old local-mailbox messages are deleted. */
export const JOBS_PRUNE = defineJob({
  name: 'jobs.prune',
  payload: Type.Object({}, { additionalProperties: false }),
  transactional: true,
});
