import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../domain/access.js';
import type { WeeklyTemplate } from '../../domain/agenda.js';
import { notFound, validationFailed } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import { lockLine } from '../../repositories/agenda/lines.js';
import * as templates from '../../repositories/agenda/templates.js';
import { auditedAs, recordAudit } from '../audit/trail.js';
import {
  clashingTemplate,
  readTemplate,
  templateForActor,
  templateValues,
  weeklyTemplateOf,
} from './templates.js';

type TemplateRow = NonNullable<Awaited<ReturnType<typeof templates.selectTemplate>>>;

function auditOf(t: { name: string } & WeeklyTemplate) {
  return {
    name: t.name,
    weekdays: t.weekdays,
    opensMinute: t.opensMinute,
    closesMinute: t.closesMinute,
    slotMinutes: t.slotMinutes,
    places: t.places,
    breaks: t.breaks,
  };
}

/** Reads the template again under the line's lock (it may have changed since the form was read). */
async function lockedTemplate(trx: Kysely<DB>, lineId: number, templateId: number): Promise<TemplateRow> {
  if (!(await lockLine(trx, lineId))) throw notFound();
  const template = await templates.selectTemplate(trx, templateId);
  if (template?.capacity_line_id !== lineId) throw notFound();
  return template;
}

/**
 * Changes every field of a weekly template, checked as on creation. Only later publications use it:
 * the slots it already published keep their times and places (a slot's places change on its day).
 */
export async function updateTemplate(
  db: Kysely<DB>,
  actor: Actor,
  templateId: number,
  input: FormInput,
  now: Date,
): Promise<void> {
  const { line } = await templateForActor(db, actor, templateId, 'agenda.manage');
  const form = new FormReader(input);
  const { name, template } = readTemplate(form);
  await db.transaction().execute(async (trx) => {
    const current = await lockedTemplate(trx, line.id, templateId);
    const clash = current.active ? await clashingTemplate(trx, line.id, template, current.id) : undefined;
    if (clash) {
      form.fail('opens', 'agenda.template.overlaps', { name: clash.name });
      form.done();
    }
    const before = auditOf({ name: current.name, ...weeklyTemplateOf(current) });
    const after = auditOf({ name, ...template });
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await templates.updateTemplate(trx, current.id, templateValues(name, template));
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'agenda_template.update',
      entityType: 'agenda_template',
      entityId: String(current.id),
      officeCode: line.office_code,
      before,
      after,
    });
  });
}

/**
 * Takes a template out of use, or back. An inactive template is neither previewed nor published; what
 * it published stays. Reactivating is refused while another active template covers the same hours.
 */
export async function setTemplateActive(
  db: Kysely<DB>,
  actor: Actor,
  templateId: number,
  active: boolean,
  now: Date,
): Promise<void> {
  const { line } = await templateForActor(db, actor, templateId, 'agenda.manage');
  await db.transaction().execute(async (trx) => {
    const current = await lockedTemplate(trx, line.id, templateId);
    if (current.active === active) return;
    const clash = active
      ? await clashingTemplate(trx, line.id, weeklyTemplateOf(current), current.id)
      : undefined;
    if (clash)
      throw validationFailed([
        { field: 'opens', key: 'agenda.template.overlaps', params: { name: clash.name } },
      ]);
    await templates.setTemplateActive(trx, current.id, active);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: active ? 'agenda_template.activate' : 'agenda_template.deactivate',
      entityType: 'agenda_template',
      entityId: String(current.id),
      officeCode: line.office_code,
      before: { active: current.active },
      after: { active },
    });
  });
}
