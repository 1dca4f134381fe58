import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { type Actor, officeInScope, officeScopeOf, requirePermission } from '../../domain/access.js';
import { civilDateOf } from '../../domain/civil-time.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import {
  insertClosure,
  selectClosuresInScope,
  setCancelledAppointments,
} from '../../repositories/agenda/closures.js';
import { selectLine, selectLinesInScope } from '../../repositories/agenda/lines.js';
import {
  closeSlots,
  lockClosureSlots,
  selectActiveAppointmentsOfSlots,
} from '../../repositories/agenda/slots.js';
import { selectOffice, selectOfficesInScope } from '../../repositories/catalogue/offices.js';
import { dropCitizenHolds } from '../../repositories/holds/citizen.js';
import { cancelAppointmentInTransaction } from '../appointments.js';
import { auditedAs, recordAudit } from '../audit/trail.js';
import { issueRebookPass } from '../rebook/keep-place.js';
import { readRange } from './publish.js';

/** A closure covers at most a year; longer absences are a deactivated office. */
const MAX_CLOSURE_DAYS = 366;

export async function listClosures(db: Kysely<DB>, actor: Actor, now: Date) {
  requirePermission(actor, 'agenda.view');
  return selectClosuresInScope(db, officeScopeOf(actor), civilDateOf(now));
}

export async function closureFormOptions(db: Kysely<DB>, actor: Actor) {
  requirePermission(actor, 'agenda.view');
  const scope = officeScopeOf(actor);
  return {
    offices: (await selectOfficesInScope(db, scope)).map((o) => ({ code: o.code, name: o.name })),
    lines: (await selectLinesInScope(db, scope)).map((l) => ({
      id: l.id,
      name: l.name,
      officeCode: l.office_code,
    })),
  };
}

/**
 * Closes an office, or one capacity line of it, for a range of days. In one transaction: the closure is
 * recorded (publishing skips it from then on), the slots are closed (their places are never offered
 * again, neither to the public nor to alerts), citizens' holds on them are dropped, and every booked
 * appointment is cancelled with its cancellation e-mail queued and an audit event of its own. Each
 * cancelled person gets a rebooking pass with, where one is free, a place kept for them (decision 010).
 */
export async function closeAgenda(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  input: FormInput,
  now: Date,
): Promise<{ closureId: number; cancelled: number; kept: number; slots: number }> {
  requirePermission(actor, 'agenda.manage');
  const form = new FormReader(input);
  const officeCode = form.text('office', { max: 10 });
  const lineRaw = form.optionalText('line', { max: 16, pattern: /^\d+$/ });
  const reason = form.text('reason', { min: 3, max: 300 });
  const range = readRange(form, now, MAX_CLOSURE_DAYS);
  const office = officeCode ? await selectOffice(db, officeCode) : undefined;
  if (!office) form.fail('office', 'agenda.officeUnknown');
  else if (!officeInScope(actor, { code: office.code, seccionalCode: office.seccional_code }))
    form.fail('office', 'agenda.officeOutOfScope');
  const lineId = lineRaw === null ? null : Number(lineRaw);
  if (lineId !== null && office) {
    const line = await selectLine(db, lineId);
    if (line?.office_code !== office.code) form.fail('line', 'agenda.closure.lineOfOtherOffice');
  }
  form.done();
  const ctx = { now, config };
  return transaction(db, async (trx) => {
    const closureId = await insertClosure(trx, {
      officeCode,
      lineId,
      ...range,
      reason,
      staffId: actor.staffId,
    });
    const slotIds = (await lockClosureSlots(trx, { officeCode, lineId, ...range })).map((s) => s.id);
    await closeSlots(trx, slotIds);
    await dropCitizenHolds(trx, slotIds);
    const appointments = await selectActiveAppointmentsOfSlots(trx, slotIds);
    let cancelled = 0;
    let kept = 0;
    for (const a of appointments) {
      if (!(await cancelAppointmentInTransaction(trx, a, 'closure', ctx))) continue;
      cancelled++;
      const pass = await issueRebookPass(trx, a, closureId, ctx);
      if (pass.kept) kept++;
      await recordAudit(trx, {
        ...auditedAs(actor, now),
        action: 'appointment.cancel',
        entityType: 'appointment',
        entityId: a.code,
        officeCode: a.office_code,
        before: { status: 'booked' },
        after: { status: 'cancelled', reason: 'closure', closureId: closureId, rebookPassId: pass.passId },
      });
    }
    await setCancelledAppointments(trx, closureId, cancelled);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'agenda.close',
      entityType: 'agenda_closure',
      entityId: String(closureId),
      officeCode,
      before: null,
      after: { officeCode, capacityLineId: lineId, ...range, reason, slots: slotIds.length, cancelled, kept },
    });
    return { closureId: closureId, cancelled, kept, slots: slotIds.length };
  });
}
