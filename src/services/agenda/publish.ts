import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../domain/access.js';
import { planSlots } from '../../domain/agenda.js';
import {
  addDays,
  type CivilDate,
  civilDateOf,
  eachDate,
  isCivilDate,
  isoWeekday,
} from '../../domain/civil-time.js';
import { AppError, notFound } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import { HolidayCalendar } from '../../domain/holidays.js';
import { selectClosuresOfLine } from '../../repositories/agenda/closures.js';
import { lockLine } from '../../repositories/agenda/lines.js';
import { applyReservation, selectReservations } from '../../repositories/agenda/reservations.js';
import { insertSlotsIfNew, type SlotRow, selectExistingStarts } from '../../repositories/agenda/slots.js';
import { selectHolidayOverrides } from '../../repositories/agenda/tax-calendar.js';
import { selectTemplate } from '../../repositories/agenda/templates.js';
import { auditedAs, recordAudit } from '../audit/trail.js';
import { createReleaseIn } from '../releases/create.js';
import type { LineRow } from './access.js';
import { type DrawPreview, previewDraw, readDrawChoice, releasePlanOf } from './publish-draw.js';
import { templateForActor, weeklyTemplateOf } from './templates.js';

/** The longest range one publication may cover (a quarter). */
const MAX_PUBLISH_DAYS = 92;

interface PlannedDay {
  date: CivilDate;
  slots: number;
  places: number;
}

export interface PublicationPlan {
  from: CivilDate;
  to: CivilDate;
  /** Days that get new slots, with how many slots and places. */
  days: PlannedDay[];
  /** Days of the template's weekdays that get nothing, and why. */
  skipped: { date: CivilDate; reason: 'holiday' | 'closure' }[];
  newSlots: number;
  newPlaces: number;
  /** Slots of the range that were already published (left as they are). */
  alreadyPublished: number;
  rows: SlotRow[];
}

/**
 * Reads a date range of a publication or a closure: both dates, in order, from today on, not too long.
 * The caller throws the collected messages (`form.done()`), with those of its other fields.
 */
export function readRange(
  form: FormReader,
  now: Date,
  maxDays = MAX_PUBLISH_DAYS,
): { from: CivilDate; to: CivilDate } {
  const from = form.text('from', { max: 10 });
  const to = form.text('to', { max: 10 });
  if (!form.has('from') && !isCivilDate(from)) form.fail('from', 'admin.field.date');
  if (!form.has('to') && !isCivilDate(to)) form.fail('to', 'admin.field.date');
  if (!form.has('from') && !form.has('to')) {
    if (to < from) form.fail('to', 'agenda.range.order');
    else if (addDays(from, maxDays - 1) < to) form.fail('to', 'agenda.range.tooLong', { days: maxDays });
  }
  if (!form.has('from') && from < civilDateOf(now)) form.fail('from', 'agenda.range.past');
  return { from, to };
}

async function planFor(
  db: Kysely<DB>,
  line: LineRow,
  template: Parameters<typeof weeklyTemplateOf>[0],
  from: CivilDate,
  to: CivilDate,
): Promise<PublicationPlan> {
  const holidays = new HolidayCalendar(await selectHolidayOverrides(db));
  const closures = await selectClosuresOfLine(db, line, from, to);
  const closed = (d: CivilDate) => closures.some((c) => c.from_date <= d && d <= c.to_date);
  const weekly = weeklyTemplateOf(template);
  const skipped: PublicationPlan['skipped'] = [];
  for (const date of eachDate(from, to)) {
    if (!weekly.weekdays.includes(isoWeekday(date))) continue;
    if (holidays.isHoliday(date)) skipped.push({ date, reason: 'holiday' });
    else if (closed(date)) skipped.push({ date, reason: 'closure' });
  }
  const planned = planSlots(weekly, from, to, { isClosed: (d) => holidays.isHoliday(d) || closed(d) });
  const existing = await selectExistingStarts(db, line.id, from, to);
  const rows: SlotRow[] = [];
  const perDay = new Map<CivilDate, PlannedDay>();
  let alreadyPublished = 0;
  for (const s of planned) {
    if (existing.has(s.startsAt.getTime())) {
      alreadyPublished++;
      continue;
    }
    rows.push({
      capacity_line_id: line.id,
      office_code: line.office_code,
      channel: line.channel,
      local_date: s.localDate,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      capacity: s.capacity,
    });
    const day = perDay.get(s.localDate) ?? { date: s.localDate, slots: 0, places: 0 };
    day.slots++;
    day.places += s.capacity;
    perDay.set(s.localDate, day);
  }
  const days = [...perDay.values()];
  return {
    from,
    to,
    days,
    skipped,
    newSlots: rows.length,
    newPlaces: days.reduce((n, d) => n + d.places, 0),
    alreadyPublished,
    rows,
  };
}

/** Why nothing can be planned from a template: its line or the template itself is inactive. */
export function publicationRefusal(
  line: { name: string; active: boolean },
  template: { active: boolean },
): AppError | null {
  if (!line.active) return new AppError('CONFLICT', 'agenda.publish.lineInactive', { name: line.name });
  if (!template.active) return new AppError('CONFLICT', 'agenda.publish.templateInactive');
  return null;
}

function requireActive(line: { name: string; active: boolean }, template: { active: boolean }): void {
  const refusal = publicationRefusal(line, template);
  if (refusal) throw refusal;
}

/**
 * What publishing a template over a range would create, without creating anything; published "con
 * sorteo", also how many places the release would get and its window.
 */
export async function previewPublication(
  db: Kysely<DB>,
  actor: Actor,
  templateId: number,
  input: FormInput,
  now: Date,
): Promise<PublicationPlan & { draw: DrawPreview | null }> {
  const { line, template } = await templateForActor(db, actor, templateId, 'agenda.view');
  requireActive(line, template);
  const form = new FormReader(input);
  const range = readRange(form, now);
  const choice = await readDrawChoice(db, form, line, range, now);
  form.done();
  const plan = await planFor(db, line, template, range.from, range.to);
  return { ...plan, draw: choice ? await previewDraw(db, line, plan, choice) : null };
}

export interface Publication {
  slots: number;
  places: number;
  /** Published "con sorteo": the release the days' free places went to. */
  release: { id: string; places: number } | null;
}

/**
 * Publishes a template over a range: exactly the slots the preview shows, skipping holidays, declared
 * closures and slots already published. Safe to repeat and to run twice at once: the line is locked for
 * the transaction and each slot is inserted only if its (line, start) is new. The line and the template
 * are read again under that lock, so a deactivation or an edit made meanwhile is respected. Published
 * "con sorteo", the free places of the range go to a new release in the same transaction: no hold can
 * take one between the publication and the release, and a release without places undoes both.
 */
export async function publishTemplate(
  db: Kysely<DB>,
  actor: Actor,
  templateId: number,
  input: FormInput,
  now: Date,
): Promise<Publication> {
  const { line, template: asked } = await templateForActor(db, actor, templateId, 'agenda.manage');
  requireActive(line, asked);
  const form = new FormReader(input);
  const { from, to } = readRange(form, now);
  const choice = await readDrawChoice(db, form, line, { from, to }, now);
  form.done();
  return db.transaction().execute(async (trx) => {
    const locked = await lockLine(trx, line.id);
    const template = await selectTemplate(trx, asked.id);
    if (!locked || !template) throw notFound();
    requireActive(locked, template);
    const plan = await planFor(trx, line, template, from, to);
    const created = await insertSlotsIfNew(trx, plan.rows);
    for (const r of await selectReservations(trx, line.id, from)) {
      if (r.local_date <= to) await applyReservation(trx, line.id, r.local_date, r.percent);
    }
    const places = created.reduce((n, s) => n + s.capacity, 0);
    if (created.length > 0)
      await recordAudit(trx, {
        ...auditedAs(actor, now),
        action: 'agenda.publish',
        entityType: 'agenda_template',
        entityId: String(template.id),
        officeCode: line.office_code,
        before: null,
        after: { capacityLineId: line.id, from, to, slots: created.length, places },
      });
    const release = choice
      ? await createReleaseIn(trx, actor, releasePlanOf(line, { from, to }, choice), now)
      : null;
    return {
      slots: created.length,
      places,
      release: release ? { id: release.id, places: release.places } : null,
    };
  });
}
