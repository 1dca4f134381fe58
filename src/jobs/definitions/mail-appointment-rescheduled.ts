import { Type } from 'typebox';
import { defineJob } from '../define.js';

/** Queued by the booking engine when a person moves an appointment (the new one and the one it replaced). */
export const MAIL_APPOINTMENT_RESCHEDULED = defineJob({
  name: 'mail.appointment-rescheduled',
  payload: Type.Object(
    { appointmentId: Type.Integer({ minimum: 1 }), previousAppointmentId: Type.Integer({ minimum: 1 }) },
    { additionalProperties: false },
  ),
});
