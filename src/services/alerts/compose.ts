import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Locale, translator } from '../../i18n/index.js';
import { selectOffer } from '../../repositories/alerts/offers.js';
import { selectSubscription } from '../../repositories/alerts/subscriptions.js';
import { insertToken } from '../../repositories/alerts/tokens.js';
import type { MailContent } from '../../views/mail/content.js';
import { standardFooter, toMail } from '../mail/compose-appointment.js';
import type { OutgoingMail } from '../mail/message.js';
import { describeSubscription } from './describe.js';
import { PENDING_DAYS } from './end-finished-subscriptions.js';
import { toOfferView } from './offer-view.js';
import { newToken } from './tokens.js';

interface Settings {
  publicUrl: string;
  now: Date;
}

/** A fresh unsubscribe link for one message (only its hash is stored); older messages' links keep working. */
async function unsubscribeLink(db: Kysely<DB>, subscriptionId: number, { publicUrl, now }: Settings) {
  const { token, hash } = newToken();
  await insertToken(db, { hash, subscriptionId, purpose: 'unsubscribe', now });
  return `${publicUrl}/alertas/baja/${token}`;
}

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

/** The first e-mail of a subscription, with the link that confirms it; null once it is not pending. */
export async function composeAlertConfirmation(
  db: Kysely<DB>,
  subscriptionId: number,
  settings: Settings,
): Promise<OutgoingMail | null> {
  const row = await selectSubscription(db, subscriptionId);
  if (row?.status !== 'pending') return null;
  const locale: Locale = row.locale === 'en' ? 'en' : 'es';
  const t = translator(locale);
  const summary = describeSubscription(row, locale);
  const confirm = newToken();
  await insertToken(db, {
    hash: confirm.hash,
    subscriptionId,
    purpose: 'confirm',
    now: settings.now,
    expiresAt: new Date(settings.now.getTime() + PENDING_DAYS * 86_400_000),
  });
  const unsubscribeUrl = await unsubscribeLink(db, subscriptionId, settings);
  const content: MailContent = {
    locale,
    brand: t('mail.brand'),
    subject: t('mail.alertConfirm.subject'),
    heading: t('mail.alertConfirm.heading'),
    greeting: t('mail.greetingAnonymous'),
    blocks: [
      { type: 'paragraph', text: t('mail.alertConfirm.lead', { ...summary }) },
      {
        type: 'action',
        text: t('mail.alertConfirm.action'),
        href: `${settings.publicUrl}/alertas/confirmar/${confirm.token}`,
      },
      { type: 'paragraph', text: t('mail.alertConfirm.order') },
      { type: 'paragraph', text: t('mail.alertConfirm.ignore') },
    ],
    footer: alertFooter(locale, unsubscribeUrl),
  };
  return toMail('alert-confirm', row.email, content, { headers: listHeaders(unsubscribeUrl) });
}

/** The offer of a held place with its claim link; null once the offer is no longer open. */
export async function composeAlertOffer(
  db: Kysely<DB>,
  offerId: number,
  settings: Settings,
): Promise<OutgoingMail | null> {
  const row = await selectOffer(db, offerId);
  if (row?.subscription_status !== 'active') return null;
  const offer = toOfferView(row, settings.now);
  if (offer.state !== 'open') return null;
  const t = translator(offer.locale);
  const claim = newToken();
  await insertToken(db, {
    hash: claim.hash,
    subscriptionId: row.subscription_id,
    purpose: 'claim',
    offerId,
    now: settings.now,
    // the link still shows the outcome for a day after the window closes
    expiresAt: new Date(row.expires_at.getTime() + 86_400_000),
  });
  const unsubscribeUrl = await unsubscribeLink(db, row.subscription_id, settings);
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
      {
        type: 'action',
        text: t('mail.alertOffer.action'),
        href: `${settings.publicUrl}/alertas/oferta/${claim.token}`,
      },
      { type: 'paragraph', text: t('mail.alertOffer.after') },
    ],
    footer: alertFooter(offer.locale, unsubscribeUrl),
  };
  return toMail('alert-offer', row.email, content, { headers: listHeaders(unsubscribeUrl) });
}
