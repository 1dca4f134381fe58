import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, officeInScope, officeScopeOf, requirePermission } from '../../domain/access.js';
import { CHANNELS } from '../../domain/channels.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import { insertLine, selectLineProcedures, selectLinesInScope } from '../../repositories/agenda/lines.js';
import { selectOffice, selectOfficesInScope } from '../../repositories/catalogue/offices.js';
import { selectProcedures } from '../../repositories/catalogue/procedures.js';
import { auditedAs, recordAudit } from '../audit/trail.js';
import { lineForActor } from './access.js';

export interface LineListItem {
  id: number;
  name: string;
  channel: string;
  active: boolean;
  officeCode: string;
  officeName: string;
  procedures: number;
  templates: number;
}

export async function listLines(db: Kysely<DB>, actor: Actor): Promise<LineListItem[]> {
  requirePermission(actor, 'agenda.view');
  const rows = await selectLinesInScope(db, officeScopeOf(actor));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    channel: r.channel,
    active: r.active,
    officeCode: r.office_code,
    officeName: r.office_name,
    procedures: Number(r.procedures ?? 0),
    templates: Number(r.templates ?? 0),
  }));
}

/** The active procedures booked by appointment: what a capacity line may attend. */
async function bookableProcedures(db: Kysely<DB>) {
  return (await selectProcedures(db)).filter((p) => p.requires_appointment);
}

export interface LineFormOptions {
  offices: { code: string; name: string }[];
  channels: readonly string[];
  procedures: { code: string; name: string; channels: string[] }[];
}

export async function lineFormOptions(
  db: Kysely<DB>,
  actor: Actor,
  locale: 'es' | 'en',
): Promise<LineFormOptions> {
  requirePermission(actor, 'agenda.view');
  const offices = await selectOfficesInScope(db, officeScopeOf(actor));
  const procedures = await bookableProcedures(db);
  return {
    offices: offices.filter((o) => o.active).map((o) => ({ code: o.code, name: o.name })),
    channels: CHANNELS,
    procedures: procedures.map((p) => ({
      code: p.code,
      name: locale === 'en' ? p.name_en : p.name_es,
      channels: p.channels,
    })),
  };
}

/** A new capacity line: an office of the actor's scope, one channel, the procedures it attends. */
export async function createLine(db: Kysely<DB>, actor: Actor, input: FormInput, now: Date): Promise<number> {
  requirePermission(actor, 'agenda.manage');
  const form = new FormReader(input);
  const officeCode = form.text('office', { max: 10 });
  const channel = form.choice('channel', CHANNELS);
  const name = form.text('name', { min: 3, max: 200 });
  const all = await bookableProcedures(db);
  const procedures = form.choices(
    'procedures',
    all.map((p) => p.code),
    { min: 1 },
  );
  if (!form.has('office')) {
    const office = await selectOffice(db, officeCode);
    if (!office?.active) form.fail('office', 'agenda.officeUnknown');
    else if (!officeInScope(actor, { code: office.code, seccionalCode: office.seccional_code }))
      form.fail('office', 'agenda.officeOutOfScope');
  }
  if (channel && procedures.some((code) => !all.find((p) => p.code === code)?.channels.includes(channel))) {
    form.fail('procedures', 'agenda.procedureChannel');
  }
  form.done();
  return db.transaction().execute(async (trx) => {
    const id = await insertLine(trx, { officeCode, channel: channel as string, name, procedures });
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'capacity_line.create',
      entityType: 'capacity_line',
      entityId: String(id),
      officeCode,
      before: null,
      after: { officeCode, channel, name, procedures },
    });
    return id;
  });
}

export async function getLine(db: Kysely<DB>, actor: Actor, lineId: number) {
  const line = await lineForActor(db, actor, lineId, 'agenda.view');
  return { line, procedures: await selectLineProcedures(db, line.id) };
}
