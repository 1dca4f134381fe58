import { loadAppointmentDetails } from '../../../../services/appointment-details.js';
import { appointmentIcs, icsFilename } from '../../../../services/calendar/appointment.js';
import { loadAppointmentCard } from '../../../../services/journey/appointment-card.js';
import { ConfirmationPage } from '../../../../views/booking/appointment.js';
import { confirmedAppointment } from '../../../journey/confirmation-cookie.js';
import { sendPage } from '../../../page.js';
import type { App } from '../../../types.js';
import { HoldQuery } from './journey-schemas.js';

/**
 * Step 9, the confirmation: the appointment this browser made from the hold, printable, and its calendar
 * file. Another browser, or a hold never confirmed, is sent to Gestionar cita.
 */
export function confirmationStep(app: App): void {
  const db = () => app.deps.database.db;

  app.get(
    '/reservar/confirmacion',
    { schema: { hide: true, querystring: HoldQuery } },
    async (request, reply) => {
      const holdId = request.query.reserva ?? '';
      const id = confirmedAppointment(request, holdId);
      const found = id ? await loadAppointmentCard(db(), app.deps.config, id, request.locale) : undefined;
      if (!found) return reply.redirect('/gestionar', 303);
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        ConfirmationPage({
          locale: request.locale,
          card: found.card,
          holdId,
          email: found.details.person.email,
          print: request.query.vista === 'imprimir',
        }),
      );
    },
  );

  app.get(
    '/reservar/confirmacion/cita.ics',
    { schema: { hide: true, querystring: HoldQuery } },
    async (request, reply) => {
      const id = confirmedAppointment(request, request.query.reserva ?? '');
      // The calendar file speaks the appointment's language, like its e-mails.
      const details = id ? await loadAppointmentDetails(db(), id, app.deps.config) : undefined;
      if (!details) return reply.redirect('/gestionar', 303);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${icsFilename(details.code)}"`)
        .type('text/calendar; charset=utf-8')
        .send(appointmentIcs(details, { publicUrl: app.deps.config.publicUrl, stamp: app.deps.clock() }));
    },
  );
}
