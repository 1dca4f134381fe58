import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Queued by the booking engine when an appointment is cancelled (by the person, or by a closure). */
export const MAIL_APPOINTMENT_CANCELLED = defineJob({
  name: 'mail.appointment-cancelled',
  payload: Type.Object({ appointmentId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
});
