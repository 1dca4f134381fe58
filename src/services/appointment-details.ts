import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { AppointmentStatus, CancelReason, DB } from '../db/schema.js';
import type { Channel } from '../domain/channels.js';
import { DOCUMENTS, type DocumentType } from '../domain/documents.js';
import { videoMeetingUrl } from '../domain/video-meeting.js';
import type { Locale } from '../i18n/index.js';
import { selectAppointmentDetails } from '../repositories/appointments.js';

/**
 * An appointment as every reader describes it: the citizen pages and the API, its e-mails and its
 * calendar file. Its texts are in one language, `locale`.
 */
export interface AppointmentDetails {
  id: number;
  code: string;
  status: AppointmentStatus;
  cancelReason: CancelReason | null;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  /** The language of the texts below: the appointment's own, unless the reader asked for another. */
  locale: Locale;
  procedure: { code: string; name: string; requirements: string[] };
  channel: { code: Channel; name: string; remote: boolean; description: string };
  office: {
    code: string;
    name: string;
    address: string;
    city: string;
    email: string | null;
    phone: string | null;
    hours: string;
  };
  /** Where a video appointment meets (`videoMeetingUrl`); null for the other channels. */
  videoUrl: string | null;
  person: {
    firstName: string;
    lastName: string;
    email: string;
    /** "Cédula de ciudadanía", or the code when unknown. */
    documentTypeName: string;
    /** The last three characters of the document number: all a page or a message may show. */
    documentLast3: string;
    companyName: string | null;
    anonymised: boolean;
  };
  /** When rescheduled: the code of the appointment that replaced this one. */
  rescheduledTo: string | null;
}

/**
 * The appointment, or undefined when there is none. E-mails and calendar files speak the appointment's
 * language (the default); a page passes its own.
 */
export async function loadAppointmentDetails(
  db: Kysely<DB>,
  appointmentId: number,
  config: Pick<Config, 'videoBaseUrl'>,
  language?: Locale,
): Promise<AppointmentDetails | undefined> {
  const row = await selectAppointmentDetails(db, appointmentId);
  if (!row) return undefined;
  const locale: Locale = language ?? (row.locale === 'en' ? 'en' : 'es');
  const en = locale === 'en';
  const documentInfo = DOCUMENTS[row.document_type as DocumentType] as
    | (typeof DOCUMENTS)[DocumentType]
    | undefined;
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    cancelReason: row.cancel_reason,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdAt: row.created_at,
    locale,
    procedure: {
      code: row.procedure_code,
      name: en ? row.procedure_name_en : row.procedure_name_es,
      requirements: en ? row.requirements_en : row.requirements_es,
    },
    channel: {
      code: row.channel_code as Channel,
      name: en ? row.channel_name_en : row.channel_name_es,
      remote: row.channel_remote,
      description: en ? row.channel_description_en : row.channel_description_es,
    },
    office: {
      code: row.office_code,
      name: row.office_name,
      address: row.office_address,
      city: row.city_name,
      email: row.office_email,
      phone: row.office_phone,
      hours: en ? row.office_hours_en : row.office_hours_es,
    },
    videoUrl: videoMeetingUrl(config.videoBaseUrl, { channel: row.channel_code, videoRoom: row.video_room }),
    person: {
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      documentTypeName: documentInfo ? (en ? documentInfo.nameEn : documentInfo.nameEs) : row.document_type,
      documentLast3: row.document_last3,
      companyName: row.company_name,
      anonymised: row.anonymised_at !== null,
    },
    rescheduledTo: row.rescheduled_to,
  };
}
