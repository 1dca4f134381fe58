import { selectEntryForMail } from '../../repositories/releases/entries.js';
import { selectOffer } from '../../repositories/releases/release-offers.js';
import { entryToken, offerToken, releaseSettings } from '../../services/releases/release-settings.js';
import {
  type ReleaseMailFacts,
  releaseEntryMail,
  releaseOfferMail,
  releaseResultMail,
} from '../../views/mail/release-mails.js';
import { MAIL_RELEASE_ENTRY } from '../definitions/mail-release-entry.js';
import { MAIL_RELEASE_OFFER } from '../definitions/mail-release-offer.js';
import { MAIL_RELEASE_RESULT } from '../definitions/mail-release-result.js';
import { handleJob, type JobContext } from '../handler.js';
import { sendMail } from './send-mail.js';

type EntryFacts = NonNullable<Awaited<ReturnType<typeof selectEntryForMail>>>;

function factsOf(ctx: JobContext, e: EntryFacts): ReleaseMailFacts {
  const locale = e.locale === 'en' ? 'en' : 'es';
  return {
    locale,
    to: e.email,
    procedure: locale === 'en' ? e.procedure_name_en : e.procedure_name_es,
    office: e.office_name,
    from: e.date_from,
    to_: e.date_to,
    releaseUrl: `${ctx.config.publicUrl}/sorteos/${e.release_id}`,
  };
}

const entryLink = (ctx: JobContext, entryId: string) =>
  `${ctx.config.publicUrl}/sorteos/inscripcion/${entryToken(releaseSettings(ctx.config), entryId)}`;

/** The link that makes an application count; nothing once the entry is no longer pending. */
export const MAIL_RELEASE_ENTRY_HANDLER = handleJob(MAIL_RELEASE_ENTRY, (ctx, { entryId }) =>
  sendMail(ctx, `release-entry:${entryId}:${ctx.job.id}`, 'release-entry', async (db) => {
    const entry = await selectEntryForMail(db, entryId);
    if (entry?.status !== 'pending' || entry.closes_at <= ctx.now) return null;
    return releaseEntryMail(factsOf(ctx, entry), entryLink(ctx, entryId), entry.closes_at);
  }).then(() => undefined),
);

/** The place kept for the entry, while the offer is open. */
export const MAIL_RELEASE_OFFER_HANDLER = handleJob(MAIL_RELEASE_OFFER, (ctx, { offerId }) =>
  sendMail(ctx, `release-offer:${offerId}`, 'release-offer', async (db) => {
    const offer = await selectOffer(db, offerId);
    const entry = offer ? await selectEntryForMail(db, offer.entry_id) : undefined;
    if (!offer || !entry || offer.status !== 'offered' || offer.expires_at <= ctx.now) return null;
    const link = `${ctx.config.publicUrl}/sorteos/oferta/${offerToken(releaseSettings(ctx.config), offerId)}`;
    return releaseOfferMail(
      factsOf(ctx, entry),
      {
        startsAt: offer.starts_at,
        place: `${offer.office_name}, ${offer.office_address}`,
        expiresAt: offer.expires_at,
        position: offer.draw_position,
      },
      link,
    );
  }).then(() => undefined),
);

/** The entry's number on the waiting list, when the draw gave it no place. */
export const MAIL_RELEASE_RESULT_HANDLER = handleJob(MAIL_RELEASE_RESULT, (ctx, { entryId }) =>
  sendMail(ctx, `release-result:${entryId}`, 'release-result', async (db) => {
    const entry = await selectEntryForMail(db, entryId);
    if (entry?.status !== 'confirmed' || !entry.draw_position) return null;
    return releaseResultMail(factsOf(ctx, entry), entry.draw_position, entryLink(ctx, entryId));
  }).then(() => undefined),
);
