import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../domain/access.js';
import { civilDateOf } from '../../domain/civil-time.js';
import { selectLineProcedures } from '../../repositories/agenda/lines.js';
import { selectReservations } from '../../repositories/agenda/reservations.js';
import { selectUpcomingDays } from '../../repositories/agenda/slots.js';
import { selectTemplates } from '../../repositories/agenda/templates.js';
import { lineForActor } from './access.js';
import { templateView } from './templates.js';

/** Everything the page of a capacity line shows: procedures, templates, upcoming days, reserves. */
export async function lineDetail(db: Kysely<DB>, actor: Actor, lineId: number, now: Date) {
  const line = await lineForActor(db, actor, lineId, 'agenda.view');
  const today = civilDateOf(now);
  const days = await selectUpcomingDays(db, line.id, today);
  return {
    line,
    procedures: await selectLineProcedures(db, line.id),
    templates: (await selectTemplates(db, line.id)).map(templateView),
    days: days.map((d) => ({
      date: d.local_date,
      slots: Number(d.slots),
      capacity: Number(d.capacity),
      taken: Number(d.taken),
      reserved: Number(d.reserved),
      status: d.status,
    })),
    reservations: (await selectReservations(db, line.id, today)).map((r) => ({
      date: r.local_date,
      percent: r.percent,
    })),
  };
}
