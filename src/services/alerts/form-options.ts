import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Channel } from '../../domain/channels.js';
import type { Locale } from '../../i18n/index.js';
import { listChannels } from '../catalogue/channels.js';
import { listOffices } from '../catalogue/offices.js';
import { listProcedures } from '../catalogue/procedures.js';

export interface AlertFormOptions {
  procedures: { code: string; name: string; channels: Channel[] }[];
  channels: { code: Channel; name: string }[];
  offices: { code: string; name: string; city: string }[];
  cities: { code: string; name: string; department: string }[];
}

/**
 * What the subscription form offers: procedures that need an appointment, channels, offices, cities with an
 * office. When the form comes with a procedure and one of its channels (the journey's "no places" link, or
 * a refused submission), only the offices and cities that attend them: any other would be refused.
 */
export async function alertFormOptions(
  db: Kysely<DB>,
  locale: Locale,
  chosen: { procedure?: string | undefined; channel?: string | undefined } = {},
): Promise<AlertFormOptions> {
  const procedures = (await listProcedures(db, locale))
    .filter((p) => p.requiresAppointment)
    .map((p) => ({ code: p.code, name: p.name, channels: p.channels }));
  const channels = (await listChannels(db, locale)).map((c) => ({ code: c.code, name: c.name }));
  const procedure = procedures.find((p) => p.code === chosen.procedure);
  const channel = procedure?.channels.find((c) => c === chosen.channel);
  const officeRows = await listOffices(
    db,
    locale,
    procedure && channel ? { serving: { procedure: procedure.code, channel } } : {},
  );
  const offices = officeRows
    .map((o) => ({ code: o.code, name: o.name, city: o.city }))
    .sort((a, b) => a.city.localeCompare(b.city, 'es') || a.name.localeCompare(b.name, 'es'));
  const cities = new Map<string, { code: string; name: string; department: string }>();
  for (const o of officeRows)
    cities.set(o.cityCode, { code: o.cityCode, name: o.city, department: o.department });
  return {
    procedures,
    channels,
    offices,
    cities: [...cities.values()].sort((a, b) => a.name.localeCompare(b.name, 'es')),
  };
}
