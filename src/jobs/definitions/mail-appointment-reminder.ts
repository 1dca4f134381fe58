import { Type } from 'typebox';
import { REMINDER_JOB } from '../../services/mail/reminders.js';
import { defineJob } from '../define.js';
import { run } from './mail-appointment-reminder.handler.js';

/** Scheduled REMINDER_HOURS before an appointment, for the time it had then. */
export const MAIL_APPOINTMENT_REMINDER = defineJob({
  name: REMINDER_JOB,
  payload: Type.Object(
    { appointmentId: Type.Integer({ minimum: 1 }), startsAt: Type.String({ format: 'date-time' }) },
    { additionalProperties: false },
  ),
  run,
});
