import { translator } from '../../i18n/index.js';
import type { AppointmentDetails } from '../appointment-details.js';
import { type CalendarEvent, calendarFile } from './ics.js';

/** Where the appointment happens, one line: the office's address, or how the remote channel works. */
function appointmentLocation(details: AppointmentDetails): string {
  const t = translator(details.locale);
  switch (details.channel.code) {
    case 'presencial':
      return t('mail.value.place', {
        office: details.office.name,
        address: details.office.address,
        city: details.office.city,
      });
    case 'video':
      return details.videoUrl ?? t('mail.calendar.video');
    case 'telefono':
      return t('mail.calendar.phone');
    default:
      return details.office.email
        ? t('mail.calendar.email', { email: details.office.email })
        : t('mail.calendar.emailOffice', { office: details.office.name });
  }
}

function appointmentCalendarEvent(
  details: AppointmentDetails,
  { publicUrl, stamp }: { publicUrl: string; stamp: Date },
): CalendarEvent {
  const t = translator(details.locale);
  const manageUrl = `${publicUrl}/gestionar`;
  const description = [
    t('mail.calendar.code', { code: details.code }),
    ...(details.videoUrl ? [`${t('mail.label.videoLink')}: ${details.videoUrl}`] : []),
    '',
    `${details.channel.name}: ${details.channel.description}`,
    '',
    t('mail.requirements'),
    ...details.procedure.requirements.map((r) => `- ${r}`),
    '',
    t('mail.calendar.manage', { url: manageUrl }),
  ].join('\n');
  return {
    uid: `cita-${details.code}@${new URL(publicUrl).hostname || 'localhost'}`,
    startsAt: details.startsAt,
    endsAt: details.endsAt,
    summary: t('mail.calendar.summary', { procedure: details.procedure.name }),
    location: appointmentLocation(details),
    description,
    url: details.videoUrl ?? manageUrl,
    stamp,
    cancelled: details.status === 'cancelled',
  };
}

/** The `.ics` of an appointment: the e-mail attachment, and the download of the citizen pages. */
export function appointmentIcs(
  details: AppointmentDetails,
  options: { publicUrl: string; stamp: Date },
): string {
  const t = translator(details.locale);
  return calendarFile([appointmentCalendarEvent(details, options)], {
    language: details.locale === 'en' ? 'EN' : 'ES',
    name: t('mail.calendar.name', { code: details.code }),
  });
}

export function icsFilename(code: string): string {
  return `cita-${code}.ics`;
}
