import type { Kysely, Selectable } from 'kysely';
import type { ChannelsTable, DB } from '../../db/schema.js';
import { type Actor, requirePermission } from '../../domain/access.js';
import { type Channel, isChannel } from '../../domain/channels.js';
import { notFound } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import type { Locale } from '../../i18n/index.js';
import * as repo from '../../repositories/catalogue/channels.js';
import { selectProcedures } from '../../repositories/catalogue/procedures.js';
import { auditedAs, recordAudit } from '../audit/trail.js';

export interface ChannelView {
  code: Channel;
  name: string;
  remote: boolean;
  description: string;
}

export async function listChannels(db: Kysely<DB>, locale: Locale): Promise<ChannelView[]> {
  const rows = await repo.selectChannels(db);
  return rows
    .filter((r) => isChannel(r.code))
    .map((r) => ({
      code: r.code as Channel,
      name: locale === 'en' ? r.name_en : r.name_es,
      remote: r.remote,
      description: locale === 'en' ? r.description_en : r.description_es,
    }));
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
  const procedures = await selectProcedures(db);
  return channels.map((c) => ({
    ...c,
    procedures: procedures.filter((p) => p.channels.includes(c.code)).length,
  }));
}

export type ChannelRow = Selectable<ChannelsTable>;

export async function listChannelsForStaff(db: Kysely<DB>, actor: Actor): Promise<ChannelRow[]> {
  requirePermission(actor, 'catalogue.view');
  return repo.selectChannels(db);
}

/** The four channels are fixed (the booking rules know them); their names and descriptions are not. */
export async function updateChannel(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  input: FormInput,
  now: Date,
): Promise<void> {
  requirePermission(actor, 'catalogue.manage');
  const form = new FormReader(input);
  const values = {
    name_es: form.text('nameEs', { min: 3, max: 80 }),
    name_en: form.text('nameEn', { min: 3, max: 80 }),
    description_es: form.text('descriptionEs', { max: 1000 }),
    description_en: form.text('descriptionEn', { max: 1000 }),
  };
  await db.transaction().execute(async (trx) => {
    const before = await repo.selectChannelForUpdate(trx, code);
    if (!before) throw notFound();
    form.done();
    await repo.updateChannel(trx, code, values);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'channel.update',
      entityType: 'channel',
      entityId: code,
      officeCode: null,
      before: {
        nameEs: before.name_es,
        nameEn: before.name_en,
        descriptionEs: before.description_es,
        descriptionEn: before.description_en,
      },
      after: {
        nameEs: values.name_es,
        nameEn: values.name_en,
        descriptionEs: values.description_es,
        descriptionEn: values.description_en,
      },
    });
  });
}

export async function getChannelForStaff(db: Kysely<DB>, actor: Actor, code: string): Promise<ChannelRow> {
  requirePermission(actor, 'catalogue.view');
  const row = (await repo.selectChannels(db)).find((c) => c.code === code);
  if (!row) throw notFound();
  return row;
}
