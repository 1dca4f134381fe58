import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../domain/access.js';
import { type CivilDate, isCivilDate } from '../../domain/civil-time.js';
import { notFound, validationFailed } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import { lockLine, selectLine } from '../../repositories/agenda/lines.js';
import {
  applyReservation,
  selectReservationPercent,
  upsertReservation,
} from '../../repositories/agenda/reservations.js';
import {
  selectDaySlots,
  selectSlotDate,
  selectSlotForUpdate,
  updateSlotCapacity,
} from '../../repositories/agenda/slots.js';
import { selectDeadlineDays } from '../../repositories/agenda/tax-calendar.js';
import { reclaimExpiredHolds } from '../../repositories/holds/expired.js';
import { auditedAs, recordAudit } from '../audit/trail.js';
import { lineForActor } from './access.js';
import { readRange } from './publish.js';

/** A bulk reserve covers at most a year of the tax calendar. */
const MAX_RESERVE_RANGE_DAYS = 366;

export interface DaySlot {
  id: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  taken: number;
  reserved: number;
  reservedTaken: number;
  status: 'open' | 'closed';
}

export async function daySlots(db: Kysely<DB>, actor: Actor, lineId: number, date: string) {
  const line = await lineForActor(db, actor, lineId, 'agenda.view');
  if (!isCivilDate(date)) throw notFound();
  const rows = await selectDaySlots(db, line.id, date);
  const reservationPercent = await selectReservationPercent(db, line.id, date);
  const isDeadlineDay = (await selectDeadlineDays(db, date, date)).length > 0;
  const slots: DaySlot[] = rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    capacity: r.capacity,
    taken: r.taken,
    reserved: r.reserved,
    reservedTaken: r.reserved_taken,
    status: r.status,
  }));
  return {
    line,
    date: date as CivilDate,
    slots,
    reservationPercent: reservationPercent ?? null,
    isDeadlineDay,
  };
}

/** One slot of a line with its day, for the slot's own page (NOT_FOUND for a slot of another line). */
export async function slotOfLine(db: Kysely<DB>, actor: Actor, lineId: number, slotId: number) {
  const date = Number.isNaN(slotId) ? undefined : await selectSlotDate(db, slotId);
  const day = await daySlots(db, actor, lineId, date ?? '');
  const slot = day.slots.find((s) => s.id === slotId);
  if (!slot) throw notFound();
  return { ...day, slot };
}

/**
 * Raises a published slot's capacity, or lowers it down to the places already taken (expired holds are
 * reclaimed first, so only live holds and appointments count). One conditional update decides, so a hold
 * taken at the same moment is never squeezed out.
 */
export async function setSlotCapacity(
  db: Kysely<DB>,
  actor: Actor,
  lineId: number,
  slotId: number,
  input: FormInput,
  now: Date,
): Promise<CivilDate> {
  const line = await lineForActor(db, actor, lineId, 'agenda.manage');
  const form = new FormReader(input);
  const capacity = form.integer('capacity', { min: 0, max: 500 });
  form.done();
  return db.transaction().execute(async (trx) => {
    const slot = await selectSlotForUpdate(trx, slotId);
    if (!slot || slot.capacity_line_id !== line.id) throw notFound();
    await reclaimExpiredHolds(trx, slot.id, now);
    const changed = await updateSlotCapacity(trx, slot.id, capacity as number);
    if (!changed) {
      const fresh = await selectSlotForUpdate(trx, slot.id);
      throw validationFailed([
        { field: 'capacity', key: 'agenda.slot.belowTaken', params: { taken: fresh?.taken ?? slot.taken } },
      ]);
    }
    if (changed.capacity !== slot.capacity) {
      await recordAudit(trx, {
        ...auditedAs(actor, now),
        action: 'slot.capacity',
        entityType: 'slot',
        entityId: String(slot.id),
        officeCode: line.office_code,
        before: { capacity: slot.capacity, reserved: slot.reserved },
        after: { capacity: changed.capacity, reserved: changed.reserved },
      });
    }
    return slot.local_date;
  });
}

/**
 * Reserves a share of a line's places on a deadline day for the people whose deadline it is. The share
 * applies to the day's published slots now and to slots published for that day later.
 */
export async function setDeadlineReservation(
  db: Kysely<DB>,
  actor: Actor,
  lineId: number,
  input: FormInput,
  now: Date,
): Promise<CivilDate> {
  const line = await lineForActor(db, actor, lineId, 'agenda.manage');
  const form = new FormReader(input);
  const date = form.text('date', { max: 10 });
  if (!form.has('date') && !isCivilDate(date)) form.fail('date', 'admin.field.date');
  const percent = form.integer('percent', { min: 0, max: 100 });
  if (!form.has('date') && (await selectDeadlineDays(db, date, date)).length === 0)
    form.fail('date', 'agenda.reserve.notDeadline');
  form.done();
  return db.transaction().execute(async (trx) => {
    await lockLine(trx, line.id);
    await reserveDay(trx, line, date, percent as number, actor, now);
    return date;
  });
}

/** One line's reserve on one deadline day: stored, applied to the day's slots, audited. */
async function reserveDay(
  trx: Kysely<DB>,
  line: { id: number; office_code: string },
  date: string,
  percent: number,
  actor: Actor,
  now: Date,
): Promise<void> {
  const before = await selectReservationPercent(trx, line.id, date);
  await upsertReservation(trx, line.id, date, percent);
  await applyReservation(trx, line.id, date, percent);
  await recordAudit(trx, {
    ...auditedAs(actor, now),
    action: 'agenda.reserve',
    entityType: 'capacity_line',
    entityId: String(line.id),
    officeCode: line.office_code,
    before: before === undefined ? null : { date, percent: before },
    after: { date, percent },
  });
}

/**
 * The same reserve on every deadline day of a range at once (the tax calendar has a deadline on most
 * business days between the 7th and the 16th of each month): each day stored, applied and audited as if
 * set one by one, all in one transaction.
 */
export async function reserveDeadlineDays(
  db: Kysely<DB>,
  actor: Actor,
  input: FormInput,
  now: Date,
): Promise<{ lineId: number; days: number }> {
  const form = new FormReader(input);
  const lineRaw = form.text('line', { max: 16, pattern: /^\d+$/ });
  const range = readRange(form, now, MAX_RESERVE_RANGE_DAYS);
  const percent = form.integer('percent', { min: 0, max: 100 });
  if (!form.has('line') && !(await selectLine(db, Number(lineRaw)))) {
    form.fail('line', 'agenda.reserveDays.lineUnknown');
  }
  form.done();
  const line = await lineForActor(db, actor, Number(lineRaw), 'agenda.manage');
  const days = await selectDeadlineDays(db, range.from, range.to);
  if (days.length === 0) throw validationFailed([{ field: 'from', key: 'agenda.reserveDays.none' }]);
  return db.transaction().execute(async (trx) => {
    await lockLine(trx, line.id);
    for (const day of days) await reserveDay(trx, line, day, percent as number, actor, now);
    return { lineId: line.id, days: days.length };
  });
}
