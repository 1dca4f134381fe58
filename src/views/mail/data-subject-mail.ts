import type { OutgoingMail } from '../../domain/mail.js';
import { type Locale, translator } from '../../i18n/index.js';
import { standardFooter, toMail } from './compose.js';
import type { MailContent } from './content.js';

/** The e-mail with the link to a person's data (the link's token is only in this message). */
export function dataSubjectLinkMail(
  to: { email: string; locale: Locale },
  token: string,
  publicUrl: string,
): OutgoingMail {
  const t = translator(to.locale);
  const content: MailContent = {
    locale: to.locale,
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
    footer: standardFooter(to.locale),
  };
  return toMail('data-subject-link', to.email, content);
}
