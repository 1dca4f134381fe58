import type { Kysely } from 'kysely';
import type { AgendaBreak, DB } from '../../db/schema.js';
import type { Actor } from '../../domain/access.js';
import { templateProblems, type WeeklyTemplate } from '../../domain/agenda.js';
import { isWallTime, minutesToWallTime, wallTimeToMinutes } from '../../domain/civil-time.js';
import { notFound } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import { lockLine } from '../../repositories/agenda/lines.js';
import {
  insertTemplate,
  selectTemplate,
  selectTemplates,
  type TemplateValues,
} from '../../repositories/agenda/templates.js';
import { auditedAs, recordAudit } from '../audit/trail.js';
import { type LineRow, lineForActor } from './access.js';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** The form field each rule of the domain reports on. */
const FIELD_OF: Record<keyof WeeklyTemplate, string> = {
  weekdays: 'weekdays',
  opensMinute: 'opens',
  closesMinute: 'closes',
  slotMinutes: 'slotMinutes',
  places: 'places',
  breaks: 'breaks',
};

export interface TemplateView {
  id: number;
  name: string;
  weekdays: number[];
  opens: string;
  closes: string;
  slotMinutes: number;
  places: number;
  breaks: string[];
  active: boolean;
}

export function templateView(t: Awaited<ReturnType<typeof selectTemplates>>[number]): TemplateView {
  return {
    id: t.id,
    name: t.name,
    weekdays: [...t.weekdays].map(Number).sort(),
    opens: minutesToWallTime(t.opens_minute),
    closes: minutesToWallTime(t.closes_minute),
    slotMinutes: t.slot_minutes,
    places: t.places,
    breaks: t.breaks.map((b) => `${minutesToWallTime(b.from)}-${minutesToWallTime(b.to)}`),
    active: t.active,
  };
}

export function weeklyTemplateOf(t: {
  weekdays: number[];
  opens_minute: number;
  closes_minute: number;
  slot_minutes: number;
  places: number;
  breaks: AgendaBreak[];
}): WeeklyTemplate {
  return {
    weekdays: t.weekdays.map(Number),
    opensMinute: t.opens_minute,
    closesMinute: t.closes_minute,
    slotMinutes: t.slot_minutes,
    places: t.places,
    breaks: t.breaks,
  };
}

function wallTime(form: FormReader, name: string): number | null {
  const value = form.text(name, { max: 5 });
  if (form.has(name)) return null;
  if (!isWallTime(value)) {
    form.fail(name, 'agenda.field.time');
    return null;
  }
  return wallTimeToMinutes(value);
}

function readBreaks(form: FormReader): AgendaBreak[] {
  const breaks: AgendaBreak[] = [];
  for (const line of form.lines('breaks', { maxItems: 10, maxLength: 20 })) {
    const m = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(line);
    if (!m?.[1] || !m[2] || !isWallTime(m[1]) || !isWallTime(m[2])) {
      form.fail('breaks', 'agenda.field.breakFormat');
      return [];
    }
    breaks.push({ from: wallTimeToMinutes(m[1]), to: wallTimeToMinutes(m[2]) });
  }
  return breaks.sort((a, b) => a.from - b.from);
}

/** Reads and checks a template form: every mistake at once, as field messages. */
export function readTemplate(form: FormReader): { name: string; template: WeeklyTemplate } {
  const name = form.text('name', { min: 3, max: 120 });
  const weekdays = form.choices('weekdays', WEEKDAYS, { min: 1 }).map(Number);
  const opens = wallTime(form, 'opens');
  const closes = wallTime(form, 'closes');
  const slotMinutes = form.integer('slotMinutes', { min: 5, max: 240 });
  const places = form.integer('places', { min: 1, max: 500 });
  const breaks = readBreaks(form);
  if (opens !== null && closes !== null && closes <= opens) {
    form.fail('closes', 'agenda.problem.template.closesBeforeOpens');
  }
  form.done();
  if (opens === null || closes === null || slotMinutes === null || places === null) {
    throw new Error('a template field was reported neither valid nor invalid');
  }
  const template = { weekdays, opensMinute: opens, closesMinute: closes, slotMinutes, places, breaks };
  for (const [key, message] of Object.entries(templateProblems(template))) {
    form.fail(FIELD_OF[key as keyof WeeklyTemplate], `agenda.problem.${message}`);
  }
  form.done();
  return { name, template };
}

/** Two templates of one line may not cover the same hour of the same weekday. */
function overlaps(a: WeeklyTemplate, b: WeeklyTemplate): boolean {
  return (
    a.weekdays.some((d) => b.weekdays.includes(d)) &&
    a.opensMinute < b.closesMinute &&
    b.opensMinute < a.closesMinute
  );
}

/**
 * The active template of the line, other than `exceptId`, whose hours the given ones would cover too.
 * Inactive templates publish nothing, so they clash with nothing until they are reactivated. The caller
 * holds the line's row lock, so two changes at once cannot both pass.
 */
export async function clashingTemplate(
  trx: Kysely<DB>,
  lineId: number,
  template: WeeklyTemplate,
  exceptId: number | null = null,
): Promise<{ id: number; name: string } | undefined> {
  const others = await selectTemplates(trx, lineId);
  return others.find((o) => o.active && o.id !== exceptId && overlaps(weeklyTemplateOf(o), template));
}

/** A template's columns as the repository stores them. */
export function templateValues(name: string, template: WeeklyTemplate): TemplateValues {
  return {
    name,
    weekdays: [...template.weekdays],
    opens_minute: template.opensMinute,
    closes_minute: template.closesMinute,
    slot_minutes: template.slotMinutes,
    places: template.places,
    breaks: [...template.breaks],
  };
}

export async function createTemplate(
  db: Kysely<DB>,
  actor: Actor,
  lineId: number,
  input: FormInput,
  now: Date,
): Promise<number> {
  const line = await lineForActor(db, actor, lineId, 'agenda.manage');
  const form = new FormReader(input);
  const { name, template } = readTemplate(form);
  return db.transaction().execute(async (trx) => {
    // The line row is locked so two templates added at once cannot both pass the overlap check.
    await lockLine(trx, line.id);
    const clash = await clashingTemplate(trx, line.id, template);
    if (clash) {
      form.fail('opens', 'agenda.template.overlaps', { name: clash.name });
      form.done();
    }
    const id = await insertTemplate(trx, line.id, templateValues(name, template));
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'agenda_template.create',
      entityType: 'agenda_template',
      entityId: String(id),
      officeCode: line.office_code,
      before: null,
      after: { capacityLineId: line.id, name, ...template },
    });
    return id;
  });
}

export async function templateForActor(
  db: Kysely<DB>,
  actor: Actor,
  templateId: number,
  permission: 'agenda.view' | 'agenda.manage',
): Promise<{ line: LineRow; template: NonNullable<Awaited<ReturnType<typeof selectTemplate>>> }> {
  const template = Number.isSafeInteger(templateId) ? await selectTemplate(db, templateId) : undefined;
  if (!template) throw notFound();
  const line = await lineForActor(db, actor, template.capacity_line_id, permission);
  return { line, template };
}
