import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Locale, translator } from '../../i18n/index.js';
import type { MailContent } from '../../views/mail/content.js';
import { standardFooter, toMail } from '../mail/compose-appointment.js';
import type { OutgoingMail } from '../mail/message.js';

/** The e-mail with the link to a person's data; null once the request is used or expired. */
export async function composeDataSubjectLink(
  db: Kysely<DB>,
  requestId: number,
  token: string,
  { publicUrl, now }: { publicUrl: string; now: Date },
): Promise<OutgoingMail | null> {
  const request = await db
    .selectFrom('data_subject_requests')
    .selectAll()
    .where('id', '=', requestId)
    .where('deleted_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  const firstApplicant = request?.applicant_ids[0];
  if (!request || firstApplicant === undefined) return null;
  const applicant = await db
    .selectFrom('applicants')
    .select('email')
    .where('id', '=', firstApplicant)
    .executeTakeFirst();
  if (!applicant?.email) return null;
  const locale: Locale = request.locale === 'en' ? 'en' : 'es';
  const t = translator(locale);
  const content: MailContent = {
    locale,
    brand: t('mail.brand'),
    subject: t('privacy.mail.subject'),
    heading: t('privacy.mail.heading'),
    greeting: t('mail.greetingAnonymous'),
    blocks: [
      { type: 'paragraph', text: t('privacy.mail.lead') },
      { type: 'action', text: t('privacy.mail.action'), href: `${publicUrl}/mis-datos/acceso/${token}` },
      { type: 'paragraph', text: t('privacy.mail.expiry') },
      { type: 'paragraph', text: t('privacy.mail.ignore') },
    ],
    footer: standardFooter(locale),
  };
  return toMail('data-subject-link', applicant.email, content);
}
