import type { OutgoingMail } from '../../domain/mail.js';
import { formatCivilDate, formatWhen } from '../../i18n/format.js';
import { type Locale, translator } from '../../i18n/index.js';
import { standardFooter, toMail } from './compose.js';
import type { MailContent } from './content.js';

/** The e-mails of a release: the entry's link, the place offered by the draw, the waiting-list result. */

export interface ReleaseMailFacts {
  locale: Locale;
  to: string;
  procedure: string;
  office: string;
  from: string;
  to_: string;
  releaseUrl: string;
}

function content(
  facts: ReleaseMailFacts,
  key: 'entry' | 'offer' | 'result',
  blocks: MailContent['blocks'],
): MailContent {
  const t = translator(facts.locale);
  return {
    locale: facts.locale,
    brand: t('mail.brand'),
    subject: t(`releases.mail.${key}.subject`, { procedure: facts.procedure }),
    heading: t(`releases.mail.${key}.heading`),
    greeting: t('mail.greetingAnonymous'),
    blocks,
    footer: [
      t('releases.mail.why'),
      { text: t('releases.mail.releasePage'), href: facts.releaseUrl },
      ...standardFooter(facts.locale),
    ],
  };
}

function range(facts: ReleaseMailFacts): string {
  return `${formatCivilDate(facts.from, facts.locale)} – ${formatCivilDate(facts.to_, facts.locale)}`;
}

/** The link that makes the application count; the draw is at `closesAt`. */
export function releaseEntryMail(facts: ReleaseMailFacts, link: string, closesAt: Date): OutgoingMail {
  const t = translator(facts.locale);
  return toMail(
    'release-entry',
    facts.to,
    content(facts, 'entry', [
      {
        type: 'paragraph',
        text: t('releases.mail.entry.lead', { procedure: facts.procedure, office: facts.office }),
      },
      {
        type: 'details',
        items: [
          [t('releases.mail.label.days'), range(facts)],
          [t('releases.mail.label.draw'), formatWhen(closesAt, facts.locale)],
        ],
      },
      { type: 'action', text: t('releases.mail.entry.action'), href: link },
      { type: 'paragraph', text: t('releases.mail.entry.fair') },
      { type: 'paragraph', text: t('releases.mail.entry.ignore') },
    ]),
  );
}

/** The place the draw keeps for the entry, until when, and the link to claim (or decline) it. */
export function releaseOfferMail(
  facts: ReleaseMailFacts,
  offer: { startsAt: Date; place: string; expiresAt: Date; position: number | null },
  link: string,
): OutgoingMail {
  const t = translator(facts.locale);
  return toMail(
    'release-offer',
    facts.to,
    content(facts, 'offer', [
      { type: 'paragraph', text: t('releases.mail.offer.lead', { procedure: facts.procedure }) },
      {
        type: 'details',
        items: [
          [t('releases.mail.label.when'), formatWhen(offer.startsAt, facts.locale)],
          [t('releases.mail.label.where'), offer.place],
          [t('releases.mail.label.until'), formatWhen(offer.expiresAt, facts.locale)],
          ...(offer.position ? [[t('releases.mail.label.position'), String(offer.position)] as const] : []),
        ],
      },
      { type: 'action', text: t('releases.mail.offer.action'), href: link },
      { type: 'paragraph', text: t('releases.mail.offer.personal') },
      { type: 'paragraph', text: t('releases.mail.offer.decline') },
    ]),
  );
}

/** No place yet: the entry's number on the release's waiting list, and what happens next. */
export function releaseResultMail(facts: ReleaseMailFacts, position: number, link: string): OutgoingMail {
  const t = translator(facts.locale);
  return toMail(
    'release-result',
    facts.to,
    content(facts, 'result', [
      { type: 'paragraph', text: t('releases.mail.result.lead', { procedure: facts.procedure, position }) },
      { type: 'paragraph', text: t('releases.mail.result.next') },
      { type: 'action', text: t('releases.mail.result.action'), href: link },
    ]),
  );
}
