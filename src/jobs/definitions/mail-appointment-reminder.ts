import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Scheduled REMINDER_HOURS before an appointment, for the time it had then. */
export const MAIL_APPOINTMENT_REMINDER = defineJob({
  name: 'mail.appointment-reminder',
  payload: Type.Object(
    { appointmentId: Type.Integer({ minimum: 1 }), startsAt: Type.String({ format: 'date-time' }) },
    { additionalProperties: false },
  ),
});
