import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Safety net: booked appointments starting soon get their reminder job if they have none. */
export const MAIL_SCHEDULE_REMINDERS = defineJob({
  name: 'mail.schedule-reminders',
  payload: Type.Object({}, { additionalProperties: false }),
  transactional: true,
});
