import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { type Locale, translate } from '../../i18n/index.js';
import { type AppointmentDetails, loadAppointmentDetails } from '../appointment-details.js';
import { bogotaWhen, officeLine } from './wording.js';

/** An appointment as the confirmation, manage and rebooking pages show it (in the page's language). */
export interface AppointmentCard {
  code: string;
  status: string;
  statusLabel: string;
  procedure: string;
  channel: string;
  remote: boolean;
  when: string;
  /** Office with address, or how the remote channel works. */
  where: string;
  /** Where a video appointment meets, while it can still be joined. */
  videoUrl: string | null;
  channelDetails: string;
  person: string;
  requirements: string[];
}

function appointmentCard(details: AppointmentDetails): AppointmentCard {
  const t = (k: string, p?: Record<string, string | number>) => translate(details.locale, k, p);
  const { channel, office, person } = details;
  // A cancelled appointment has no meeting left to join.
  const videoUrl = details.status === 'cancelled' ? null : details.videoUrl;
  const where = channel.remote
    ? videoUrl
      ? t('journey.card.video')
      : t(`journey.card.remote.${channel.code}`)
    : officeLine(office);
  return {
    code: details.code,
    status: details.status,
    statusLabel: t(`journey.status.${details.status}`),
    procedure: details.procedure.name,
    channel: t(`journey.channel.${channel.code}`),
    remote: channel.remote,
    when: bogotaWhen(details.startsAt, details.locale),
    where,
    videoUrl,
    channelDetails: t(`journey.card.remoteDetails.${channel.code}`),
    person: person.companyName
      ? `${person.firstName} ${person.lastName} (${person.companyName})`
      : `${person.firstName} ${person.lastName}`,
    requirements: details.procedure.requirements,
  };
}

/** An appointment by id with its card in the page's language, or undefined when it does not exist. */
export async function loadAppointmentCard(
  db: Kysely<DB>,
  config: Pick<Config, 'videoBaseUrl'>,
  id: number,
  locale: Locale,
): Promise<{ details: AppointmentDetails; card: AppointmentCard } | undefined> {
  const details = await loadAppointmentDetails(db, id, config, locale);
  return details && { details, card: appointmentCard(details) };
}
