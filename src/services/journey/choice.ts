import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Channel, isChannel } from '../../domain/channels.js';
import type { Locale } from '../../i18n/index.js';
import { selectChannels } from '../../repositories/catalogue/channels.js';
import { listOffices, type OfficeView } from '../catalogue/offices.js';
import { getProcedure, type ProcedureView } from '../catalogue/procedures.js';
import type { Criteria } from './criteria.js';

/** A channel as the journey's pages show it, in the page's language. */
export interface ChannelInfo {
  code: Channel;
  name: string;
  description: string;
  remote: boolean;
}

export async function channelInfos(db: Kysely<DB>, locale: Locale): Promise<ChannelInfo[]> {
  const en = locale === 'en';
  return (await selectChannels(db))
    .filter((c) => isChannel(c.code))
    .map((c) => ({
      code: c.code as Channel,
      name: en ? c.name_en : c.name_es,
      description: en ? c.description_en : c.description_es,
      remote: c.remote,
    }));
}

/** The first two answers of the journey, which every later step needs. */
export interface Choice {
  procedure: ProcedureView;
  channel: ChannelInfo;
  channels: ChannelInfo[];
}

/** The procedure and channel of the criteria when both are real and go together; else what is missing. */
export async function choiceOf(
  db: Kysely<DB>,
  criteria: Criteria,
  locale: Locale,
): Promise<
  | { ok: true; choice: Choice }
  | { ok: false; missing: 'procedure' | 'channel'; procedure?: ProcedureView; channels?: ChannelInfo[] }
> {
  const procedure = criteria.tramite ? await getProcedure(db, criteria.tramite, locale) : undefined;
  if (!procedure?.requiresAppointment) return { ok: false, missing: 'procedure' };
  const all = await channelInfos(db, locale);
  const channels = all.filter((c) => procedure.channels.includes(c.code));
  const channel = channels.find((c) => c.code === criteria.canal);
  if (!channel) return { ok: false, missing: 'channel', procedure, channels };
  return { ok: true, choice: { procedure, channel, channels } };
}

/**
 * The offices that attend the chosen procedure by the chosen channel: the only ones the journey offers,
 * since search finds nothing at any other (issue #18: a customs office offered for the RUT was a dead end).
 */
export function officesFor(db: Kysely<DB>, locale: Locale, choice: Choice): Promise<OfficeView[]> {
  return listOffices(db, locale, {
    serving: { procedure: choice.procedure.code, channel: choice.channel.code },
  });
}
