import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Queued by the booking engine when an appointment is confirmed. */
export const MAIL_APPOINTMENT_CONFIRMED = defineJob({
  name: 'mail.appointment-confirmed',
  payload: Type.Object({ appointmentId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
});
