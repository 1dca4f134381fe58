import type { OutgoingMail } from '../../domain/mail.js';
import { type Locale, translator } from '../../i18n/index.js';
import { type MailContent, renderMailText } from './content.js';
import { renderMailHtml } from './mail-document.js';

/** An e-mail's content rendered as both bodies, ready for the delivery ledger. */
export function toMail(
  kind: string,
  to: string,
  content: MailContent,
  extra: Partial<OutgoingMail> = {},
): OutgoingMail {
  return {
    kind,
    locale: content.locale,
    to,
    subject: content.subject,
    text: renderMailText(content),
    html: renderMailHtml(content),
    ...extra,
  };
}

/** The small print every message ends with. */
export function standardFooter(locale: Locale): string[] {
  const t = translator(locale);
  return [t('mail.footer.free'), t('mail.footer.contact'), t('mail.footer.auto'), t('mail.footer.authority')];
}
