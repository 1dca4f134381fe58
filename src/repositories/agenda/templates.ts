import type { Kysely } from 'kysely';
import type { AgendaBreak, DB } from '../../db/schema.js';

/** SQL of the weekly templates a line publishes its slots from. */

export function selectTemplates(db: Kysely<DB>, lineId: number) {
  return db
    .selectFrom('agenda_templates')
    .selectAll()
    .where('capacity_line_id', '=', lineId)
    .orderBy('id')
    .execute();
}

export function selectTemplate(db: Kysely<DB>, id: number) {
  return db.selectFrom('agenda_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface TemplateValues {
  name: string;
  weekdays: number[];
  opens_minute: number;
  closes_minute: number;
  slot_minutes: number;
  places: number;
  breaks: AgendaBreak[];
}

export async function insertTemplate(db: Kysely<DB>, lineId: number, v: TemplateValues): Promise<number> {
  const created = await db
    .insertInto('agenda_templates')
    .values({ capacity_line_id: lineId, ...v, breaks: JSON.stringify(v.breaks) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

export async function updateTemplate(db: Kysely<DB>, templateId: number, v: TemplateValues): Promise<void> {
  await db
    .updateTable('agenda_templates')
    .set({ ...v, breaks: JSON.stringify(v.breaks) })
    .where('id', '=', templateId)
    .execute();
}

export async function setTemplateActive(db: Kysely<DB>, templateId: number, active: boolean): Promise<void> {
  await db.updateTable('agenda_templates').set({ active }).where('id', '=', templateId).execute();
}
