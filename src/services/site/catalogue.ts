import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { CATEGORIES, type Category, type Channel, isChannel } from '../../domain/channels.js';
import { notFound } from '../../domain/errors.js';
import { matchesQuery } from '../../domain/search-text.js';
import type { Locale } from '../../i18n/index.js';
import { selectChannels } from '../../repositories/catalog.js';
import { getProcedure, listProcedures, type ProcedureView } from '../catalog.js';

export interface ChannelView {
  code: Channel;
  name: string;
  remote: boolean;
  description: string;
}

export interface CatalogueFilter {
  q?: string | undefined;
  category?: string | undefined;
  channel?: string | undefined;
}

export interface CatalogueSearch {
  /** The filter as applied: unknown categories and channels are ignored rather than refused. */
  q: string;
  category: Category | null;
  channel: Channel | null;
  groups: { category: Category; procedures: ProcedureView[] }[];
  count: number;
  channels: ChannelView[];
}

export async function listChannels(db: Kysely<DB>, locale: Locale): Promise<ChannelView[]> {
  const rows = await selectChannels(db);
  return rows
    .filter((r) => isChannel(r.code))
    .map((r) => ({
      code: r.code as Channel,
      name: locale === 'en' ? r.name_en : r.name_es,
      remote: r.remote,
      description: locale === 'en' ? r.description_en : r.description_es,
    }));
}

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** The catalogue page: procedures matching the words, category and channel, grouped by category. */
export async function searchCatalogue(
  db: Kysely<DB>,
  locale: Locale,
  filter: CatalogueFilter,
): Promise<CatalogueSearch> {
  const q = (filter.q ?? '').trim().slice(0, 100);
  const category = filter.category && isCategory(filter.category) ? filter.category : null;
  const channel = filter.channel && isChannel(filter.channel) ? filter.channel : null;
  const procedures = await listProcedures(db, locale);
  const channels = await listChannels(db, locale);
  const found = procedures.filter(
    (p) =>
      (category === null || p.category === category) &&
      (channel === null || p.channels.includes(channel)) &&
      matchesQuery([p.code, p.name, p.summary, p.audience, ...p.requirements], q),
  );
  const groups = CATEGORIES.map((c) => ({
    category: c,
    procedures: found.filter((p) => p.category === c),
  })).filter((g) => g.procedures.length > 0);
  return { q, category, channel, groups, count: found.length, channels };
}

export interface ChannelWithCount extends ChannelView {
  /** How many active procedures this channel attends. */
  procedures: number;
}

/** The channels page: each channel with how many procedures it serves. */
export async function channelsWithProcedureCounts(
  db: Kysely<DB>,
  locale: Locale,
): Promise<ChannelWithCount[]> {
  const channels = await listChannels(db, locale);
  const procedures = await listProcedures(db, locale);
  return channels.map((c) => ({
    ...c,
    procedures: procedures.filter((p) => p.channels.includes(c.code)).length,
  }));
}

/** A procedure's page: the procedure (active only) and the channels, to name and explain its own. */
export async function procedureDetails(
  db: Kysely<DB>,
  code: string,
  locale: Locale,
): Promise<{ procedure: ProcedureView; channels: ChannelView[] }> {
  const procedure = await getProcedure(db, code, locale);
  if (!procedure) throw notFound();
  return { procedure, channels: await listChannels(db, locale) };
}
