import type { Kysely } from 'kysely';
import type { Config } from '../../../config.js';
import type { DB } from '../../../db/schema.js';
import { formatWhen } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/index.js';
import { translate } from '../../../i18n/index.js';
import { viewAppointment } from '../../../services/appointments.js';
import { loadAppointmentDetails } from '../../../services/mail/appointment-details.js';
import type { AppointmentCard } from '../../../views/booking/appointment.js';

/** The page's view of an appointment, shared by the confirmation and the manage pages. */
export function appointmentCard(
  view: Awaited<ReturnType<typeof viewAppointment>> & object,
  details: NonNullable<Awaited<ReturnType<typeof loadAppointmentDetails>>>,
  locale: Locale,
): AppointmentCard {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const remote = details.channel.remote;
  // A cancelled appointment has no meeting left to join.
  const videoUrl = view.status === 'cancelled' ? null : details.videoUrl;
  const where = remote
    ? videoUrl
      ? t('journey.card.video')
      : t(`journey.card.remote.${details.channel.code}`)
    : `${view.officeName}, ${view.officeAddress}, ${view.city}`;
  return {
    code: view.code,
    status: view.status,
    statusLabel: t(`journey.status.${view.status}`),
    procedure: view.procedureName,
    channel: t(`journey.channel.${view.channel}`),
    remote,
    when: `${formatWhen(view.startsAt, locale)} ${t('journey.bogotaTime')}`,
    where,
    videoUrl,
    channelDetails: t(`journey.card.remoteDetails.${view.channel}`),
    person: view.companyName
      ? `${view.firstName} ${view.lastName} (${view.companyName})`
      : `${view.firstName} ${view.lastName}`,
    requirements: view.requirements,
  };
}

/** An appointment by id with its card for the page, or undefined when it does not exist. */
export async function loadAppointmentCard(
  db: Kysely<DB>,
  config: Pick<Config, 'videoBaseUrl'>,
  id: number,
  locale: Locale,
) {
  const view = await viewAppointment(db, { id }, locale);
  const details = await loadAppointmentDetails(db, id, config);
  if (!view || !details) return undefined;
  return { view, details, card: appointmentCard(view, details, locale) };
}
