import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../domain/access.js';
import { notFound } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import * as lines from '../../repositories/agenda/lines.js';
import { selectProcedures } from '../../repositories/catalogue/procedures.js';
import { auditedAs, recordAudit } from '../audit/trail.js';
import { type LineRow, lineForActor } from './access.js';

export interface LineEditOptions {
  /** The procedures the line may offer on its channel, and those it offers now whatever they became. */
  procedures: { code: string; name: string }[];
}

/** A procedure may be offered on a line when it is booked by appointment and served on its channel. */
function offerable(
  p: { active: boolean; requires_appointment: boolean; channels: string[] },
  channel: string,
): boolean {
  return p.active && p.requires_appointment && p.channels.includes(channel);
}

/** The line as its edit form starts: its name and procedures, with the procedures it may choose from. */
export async function lineEditForm(
  db: Kysely<DB>,
  actor: Actor,
  lineId: number,
  locale: 'es' | 'en',
): Promise<{ line: LineRow; procedures: string[]; options: LineEditOptions }> {
  const line = await lineForActor(db, actor, lineId, 'agenda.manage');
  const procedures = await lines.selectLineProcedures(db, line.id);
  const all = await selectProcedures(db, { includeInactive: true });
  return {
    line,
    procedures,
    options: {
      procedures: all
        .filter((p) => offerable(p, line.channel) || procedures.includes(p.code))
        .map((p) => ({ code: p.code, name: locale === 'en' ? p.name_en : p.name_es })),
    },
  };
}

/**
 * Renames a line and changes its procedures. The office and the channel stay as created: the slots
 * already published carry them. A procedure taken off keeps its appointments (they point at slots, not
 * at the line's list) and simply stops being bookable, as every take checks the list.
 */
export async function updateLine(
  db: Kysely<DB>,
  actor: Actor,
  lineId: number,
  input: FormInput,
  now: Date,
): Promise<void> {
  const line = await lineForActor(db, actor, lineId, 'agenda.manage');
  const form = new FormReader(input);
  const name = form.text('name', { min: 3, max: 200 });
  const all = await selectProcedures(db, { includeInactive: true });
  const procedures = form.choices(
    'procedures',
    all.map((p) => p.code),
    { min: 1 },
  );
  const chosen = all.filter((p) => procedures.includes(p.code));
  if (chosen.some((p) => !p.channels.includes(line.channel)))
    form.fail('procedures', 'agenda.procedureChannel');
  else if (chosen.some((p) => !offerable(p, line.channel)))
    form.fail('procedures', 'agenda.line.procedureWithdrawn');
  form.done();
  await db.transaction().execute(async (trx) => {
    const locked = await lines.lockLine(trx, line.id);
    if (!locked) throw notFound();
    const before = { name: locked.name, procedures: await lines.selectLineProcedures(trx, line.id) };
    // In code order, as the line's procedures are read, so an unchanged list compares equal.
    const after = { name, procedures: [...procedures].sort() };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await lines.updateLineName(trx, line.id, name);
    await lines.setLineProcedures(trx, line.id, procedures);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'capacity_line.update',
      entityType: 'capacity_line',
      entityId: String(line.id),
      officeCode: line.office_code,
      before,
      after,
    });
  });
}

/** What the deactivation page tells before anything changes: the appointments that will be kept. */
export async function lineDeactivation(
  db: Kysely<DB>,
  actor: Actor,
  lineId: number,
  now: Date,
): Promise<{ line: LineRow; upcomingBooked: number }> {
  const line = await lineForActor(db, actor, lineId, 'agenda.manage');
  return { line, upcomingBooked: await lines.countUpcomingBooked(db, line.id, now) };
}

/**
 * Takes a line out of the public agenda, or puts it back. Its slots stay as they are: every search and
 * every take of a place requires an active line, so an inactive line's places are neither shown nor
 * taken, and publishing on it is refused. Appointments already booked are kept; closures cancel them.
 */
export async function setLineActive(
  db: Kysely<DB>,
  actor: Actor,
  lineId: number,
  active: boolean,
  now: Date,
): Promise<void> {
  const line = await lineForActor(db, actor, lineId, 'agenda.manage');
  await db.transaction().execute(async (trx) => {
    const locked = await lines.lockLine(trx, line.id);
    if (!locked) throw notFound();
    if (locked.active === active) return;
    await lines.setLineActive(trx, line.id, active);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: active ? 'capacity_line.activate' : 'capacity_line.deactivate',
      entityType: 'capacity_line',
      entityId: String(line.id),
      officeCode: line.office_code,
      before: { active: locked.active },
      after: active
        ? { active }
        : { active, upcomingBookedKept: await lines.countUpcomingBooked(trx, line.id, now) },
    });
  });
}
