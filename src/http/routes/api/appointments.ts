import { toBogotaIso } from '../../../domain/civil-time.js';
import { LIMITS } from '../../../security/limits.js';
import { type AppointmentDetails, loadAppointmentDetails } from '../../../services/appointment-details.js';
import {
  cancelAppointment,
  lookupAppointment,
  rescheduleAppointment,
} from '../../../services/appointments.js';
import { serviceContext } from '../../journey/service-context.js';
import { routeLimit } from '../../plugins/rate-limit.js';
import {
  AppointmentDetails as AppointmentReply,
  CancelBody,
  CancelReply,
  CodeParams,
  LookupBody,
  RescheduleBody,
} from '../../schemas/booking-schemas.js';
import type { App } from '../../types.js';
import { problems } from './problems.js';

/** The appointment as the API shows it (never the document number, nor contact data). */
function appointmentReply(a: AppointmentDetails) {
  return {
    code: a.code,
    status: a.status,
    procedure: a.procedure.code,
    procedureName: a.procedure.name,
    channel: a.channel.code,
    officeCode: a.office.code,
    officeName: a.office.name,
    officeAddress: a.office.address,
    city: a.office.city,
    startsAt: toBogotaIso(a.startsAt),
    endsAt: toBogotaIso(a.endsAt),
    requirements: a.procedure.requirements,
    firstName: a.person.firstName,
    lastName: a.person.lastName,
    rescheduledTo: a.rescheduledTo,
  };
}

/** Gestionar cita through the API (DESIGN §5): look up, cancel, reschedule with code + document. */
export function appointmentsApi(app: App): void {
  const db = () => app.deps.database.db;

  app.post(
    '/appointments/lookup',
    {
      config: { rateLimit: routeLimit(app, LIMITS.lookup) },
      schema: {
        tags: ['manage'],
        summary: 'Find an appointment by code and document number',
        body: LookupBody,
        response: { 200: AppointmentReply, ...problems },
      },
    },
    async (request) =>
      appointmentReply(await lookupAppointment(db(), request.body, app.deps.config, request.locale)),
  );

  app.post(
    '/appointments/:code/cancel',
    {
      config: { rateLimit: routeLimit(app, LIMITS.lookup) },
      schema: {
        tags: ['manage'],
        summary: 'Cancel an appointment',
        params: CodeParams,
        body: CancelBody,
        response: { 200: CancelReply, ...problems },
      },
    },
    async (request) =>
      cancelAppointment(serviceContext(app), {
        code: request.params.code,
        documentNumber: request.body.documentNumber,
      }),
  );

  app.post(
    '/appointments/:code/reschedule',
    {
      config: { rateLimit: routeLimit(app, LIMITS.lookup) },
      schema: {
        tags: ['manage'],
        summary: 'Move an appointment to another slot of the same procedure and channel',
        params: CodeParams,
        body: RescheduleBody,
        response: { 200: AppointmentReply, ...problems },
      },
    },
    async (request) => {
      const moved = await rescheduleAppointment(serviceContext(app), {
        code: request.params.code,
        ...request.body,
      });
      const details = await loadAppointmentDetails(
        db(),
        moved.appointmentId,
        app.deps.config,
        request.locale,
      );
      if (!details) throw new Error('rescheduled appointment vanished');
      return appointmentReply(details);
    },
  );
}
