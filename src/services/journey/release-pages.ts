import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { formatWhen } from '../../i18n/format.js';
import type { Locale } from '../../i18n/index.js';
import { listProcedures } from '../catalogue/procedures.js';
import { type EntryView, entryByToken } from '../releases/entry-link.js';
import { offerByToken, type PlaceRules } from '../releases/offers.js';
import type { ReleaseSettings } from '../releases/release-settings.js';
import { listReleases, type ReleaseView, viewRelease } from '../releases/view.js';
import { channelInfos } from './choice.js';

/** What the citizen's pages of a release show, with the procedure and channel named in the page's language. */

async function namesOf(db: Kysely<DB>, locale: Locale) {
  const [procedures, channels] = await Promise.all([listProcedures(db, locale), channelInfos(db, locale)]);
  return {
    procedures,
    procedure: (code: string) => procedures.find((p) => p.code === code)?.name ?? code,
    channel: (code: string) => channels.find((c) => c.code === code)?.name ?? code,
  };
}

/** The releases upcoming, open and recently drawn, optionally of one procedure, and the filter's choices. */
export async function releaseBoard(db: Kysely<DB>, locale: Locale, procedure: string | undefined, now: Date) {
  const names = await namesOf(db, locale);
  const items = await listReleases(db, { procedure: procedure || undefined }, now);
  return {
    procedures: names.procedures
      .filter((p) => p.requiresAppointment)
      .map((p) => ({ code: p.code, name: p.name })),
    items: items.map((r) => ({
      ...r,
      procedureName: names.procedure(r.procedure),
      channelName: names.channel(r.channel),
    })),
  };
}

export type ReleaseBoard = Awaited<ReturnType<typeof releaseBoard>>;

export interface ReleasePageView extends ReleaseView {
  procedureName: string;
  channelName: string;
}

export async function releasePage(
  db: Kysely<DB>,
  id: string,
  locale: Locale,
  now: Date,
): Promise<ReleasePageView> {
  const [view, names] = await Promise.all([viewRelease(db, id, now), namesOf(db, locale)]);
  return {
    ...view,
    procedureName: names.procedure(view.procedure),
    channelName: names.channel(view.channel),
  };
}

type LinkCtx = { db: Kysely<DB>; now: Date; settings: ReleaseSettings; rules: PlaceRules };

export interface EntryPageView extends EntryView {
  procedureName: string;
}

/** The entry behind an e-mail link, as its page shows it. */
export async function entryPage(ctx: LinkCtx, token: string, locale: Locale): Promise<EntryPageView> {
  const view = await entryByToken(ctx, token);
  return { ...view, procedureName: (await namesOf(ctx.db, locale)).procedure(view.procedure) };
}

export interface OfferPageView {
  /** open: can be taken (or was taken and not confirmed yet); the others say why it cannot. */
  state: 'open' | 'declined' | 'booked' | 'gone';
  releaseId: string;
  procedure: string;
  when: string;
  place: string;
  until: string;
}

/** The place a draw offers, behind the offer e-mail's link. */
export async function offerPage(ctx: LinkCtx, token: string, locale: Locale): Promise<OfferPageView> {
  const row = await offerByToken(ctx, token);
  const open =
    row.status === 'claimed' || (row.status === 'offered' && row.expires_at.getTime() > ctx.now.getTime());
  return {
    state: open
      ? 'open'
      : row.status === 'declined'
        ? 'declined'
        : row.status === 'booked'
          ? 'booked'
          : 'gone',
    releaseId: row.release_id,
    procedure: locale === 'en' ? row.procedure_name_en : row.procedure_name_es,
    when: formatWhen(row.starts_at, locale),
    place: `${row.office_name}, ${row.office_address}`,
    until: formatWhen(row.expires_at, locale),
  };
}
