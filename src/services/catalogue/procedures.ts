import type { Kysely } from 'kysely';
import type { DB, Procedure } from '../../db/schema.js';
import { type Actor, requirePermission } from '../../domain/access.js';
import { CATEGORIES, type Category, type Channel, isChannel } from '../../domain/channels.js';
import { notFound } from '../../domain/errors.js';
import { matchesQuery } from '../../domain/search-text.js';
import type { Locale } from '../../i18n/index.js';
import * as repo from '../../repositories/catalogue/procedures.js';
import { type ChannelView, listChannels } from './channels.js';

export interface ProcedureView {
  code: string;
  name: string;
  category: Category;
  summary: string;
  audience: string;
  channels: Channel[];
  requiresAppointment: boolean;
  selfServiceUrl: string | null;
  selfServiceText: string | null;
  durationMinutes: number | null;
  requirements: string[];
}

function toProcedureView(row: Procedure, locale: Locale): ProcedureView {
  const en = locale === 'en';
  return {
    code: row.code,
    name: en ? row.name_en : row.name_es,
    category: row.category as Category,
    summary: en ? row.summary_en : row.summary_es,
    audience: en ? row.audience_en : row.audience_es,
    channels: row.channels as Channel[],
    requiresAppointment: row.requires_appointment,
    selfServiceUrl: row.self_service_url,
    selfServiceText: en ? row.self_service_en : row.self_service_es,
    durationMinutes: row.duration_minutes,
    requirements: en ? row.requirements_en : row.requirements_es,
  };
}

export async function listProcedures(db: Kysely<DB>, locale: Locale): Promise<ProcedureView[]> {
  return (await repo.selectProcedures(db)).map((row) => toProcedureView(row, locale));
}

export async function getProcedure(
  db: Kysely<DB>,
  code: string,
  locale: Locale,
): Promise<ProcedureView | undefined> {
  const row = await repo.selectProcedure(db, code);
  return row?.active ? toProcedureView(row, locale) : undefined;
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

export async function listProceduresForStaff(db: Kysely<DB>, actor: Actor): Promise<Procedure[]> {
  requirePermission(actor, 'catalogue.view');
  return repo.selectProceduresByCategory(db);
}

export async function getProcedureForStaff(db: Kysely<DB>, actor: Actor, code: string): Promise<Procedure> {
  requirePermission(actor, 'catalogue.view');
  const row = await repo.selectProcedure(db, code);
  if (!row) throw notFound();
  return row;
}
