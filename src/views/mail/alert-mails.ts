import type { OutgoingMail } from '../../domain/mail.js';
import { type Locale, translator } from '../../i18n/index.js';
import type { AlertConfirmation, AlertOffer } from '../../services/alerts/mail-links.js';
import { standardFooter, toMail } from './compose.js';
import type { MailContent } from './content.js';

function alertFooter(locale: Locale, unsubscribeUrl: string): MailContent['footer'] {
  const t = translator(locale);
  return [
    t('mail.alert.why'),
    { text: t('mail.alert.unsubscribe'), href: unsubscribeUrl },
    ...standardFooter(locale),
  ];
}

/** RFC 8058 one-click unsubscribe, which mail clients show as a button. */
function listHeaders(unsubscribeUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** The first e-mail of a subscription, with the link that confirms it. */
export function alertConfirmationMail(c: AlertConfirmation): OutgoingMail {
  const t = translator(c.locale);
  const content: MailContent = {
    locale: c.locale,
    brand: t('mail.brand'),
    subject: t('mail.alertConfirm.subject'),
    heading: t('mail.alertConfirm.heading'),
    greeting: t('mail.greetingAnonymous'),
    blocks: [
      { type: 'paragraph', text: t('mail.alertConfirm.lead', { ...c.summary }) },
      { type: 'action', text: t('mail.alertConfirm.action'), href: c.confirmUrl },
      { type: 'paragraph', text: t('mail.alertConfirm.order') },
      { type: 'paragraph', text: t('mail.alertConfirm.ignore') },
    ],
    footer: alertFooter(c.locale, c.unsubscribeUrl),
  };
  return toMail('alert-confirm', c.email, content, { headers: listHeaders(c.unsubscribeUrl) });
}

/** The offer of a held place with its claim link. */
export function alertOfferMail({ email, offer, claimUrl, unsubscribeUrl }: AlertOffer): OutgoingMail {
  const t = translator(offer.locale);
  const content: MailContent = {
    locale: offer.locale,
    brand: t('mail.brand'),
    subject: t('mail.alertOffer.subject', { procedure: offer.procedure, when: offer.when }),
    heading: t('mail.alertOffer.heading'),
    greeting: t('mail.greetingAnonymous'),
    blocks: [
      {
        type: 'details',
        items: [
          [t('mail.label.procedure'), offer.procedure],
          [t('mail.label.when'), offer.when],
          [t('mail.label.channel'), offer.channel],
          [t('mail.label.place'), offer.place],
        ],
      },
      { type: 'paragraph', text: t('mail.alertOffer.lead', { until: offer.until }) },
      { type: 'action', text: t('mail.alertOffer.action'), href: claimUrl },
      { type: 'paragraph', text: t('mail.alertOffer.after') },
    ],
    footer: alertFooter(offer.locale, unsubscribeUrl),
  };
  return toMail('alert-offer', email, content, { headers: listHeaders(unsubscribeUrl) });
}
