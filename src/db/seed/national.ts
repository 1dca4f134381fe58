import { type Kysely, sql } from 'kysely';
import { slotStartsOfDay, type WeeklyTemplate } from '../../domain/agenda.js';
import { addDays, type CivilDate, civilDateOf, instantAt, isoWeekday } from '../../domain/civil-time.js';
import { HolidayCalendar } from '../../domain/holidays.js';
import type { DB } from '../schema.js';
import { OFFICES, type OfficeKind, officeHours } from './offices.js';
import { PROCEDURES } from './procedures.js';
import { seedCatalogue } from './seed.js';

/**
 * The agenda of the whole country, for load tests and capacity planning: every office attends each
 * procedure it serves at a desk of its own (one capacity line per office and procedure), and the remote
 * channels run national lines per procedure from the Bogotá offices. Sixty working days of it come to
 * well over a million slots.
 */
export interface NationalSeedOptions {
  /** Today, from the caller's clock. */
  now: Date;
  /** Working days of agenda from today (weekends and Colombian holidays have none). */
  workingDays?: number;
  /** Told how many slots are in and how many there will be, after each batch. */
  onProgress?: (done: number, total: number) => void;
}

export interface NationalSeedResult {
  procedures: number;
  offices: number;
  capacityLines: number;
  days: number;
  slots: number;
}

const SERVED: Readonly<Record<OfficeKind, readonly string[]>> = {
  impuestos: ['impuestos'],
  aduanas: ['aduanas'],
  impuestos_aduanas: ['impuestos', 'aduanas'],
  grandes_contribuyentes: ['impuestos'],
};

/** The remote channels' national lines: which office runs them, and places per slot. */
const REMOTE_NATIONAL: readonly {
  office: string;
  channel: 'video' | 'telefono' | 'correo';
  places: number;
}[] = [
  { office: '32', channel: 'video', places: 6 },
  { office: '32', channel: 'telefono', places: 8 },
  { office: '32', channel: 'correo', places: 4 },
  { office: '03', channel: 'video', places: 4 },
  { office: '03', channel: 'telefono', places: 4 },
];

/** Rows per INSERT: one statement of eight arrays, far from any parameter limit, on both engines. */
const BATCH = 10_000;
const SLOT_MINUTES = 30;

interface LinePlan {
  office: string;
  channel: string;
  procedure: string;
  name: string;
  template: WeeklyTemplate;
}

function planLines(): LinePlan[] {
  const bookable = PROCEDURES.filter((p) => p.durationMinutes !== null);
  const lines: LinePlan[] = [];
  for (const office of OFFICES) {
    const closesMinute = officeHours(office.code).closesMinute;
    for (const p of bookable) {
      if (!(p.channels as readonly string[]).includes('presencial')) continue;
      if (!p.servedBy.some((s) => SERVED[office.kind].includes(s))) continue;
      lines.push({
        office: office.code,
        channel: 'presencial',
        procedure: p.code,
        name: `${office.name} – ${p.code}`,
        template: {
          weekdays: [1, 2, 3, 4, 5],
          opensMinute: 8 * 60,
          closesMinute,
          slotMinutes: SLOT_MINUTES,
          places: Math.max(1, Math.min(office.desks, 4)),
          breaks: [],
        },
      });
    }
  }
  for (const remote of REMOTE_NATIONAL) {
    for (const p of bookable) {
      if (!(p.channels as readonly string[]).includes(remote.channel)) continue;
      lines.push({
        office: remote.office,
        channel: remote.channel,
        procedure: p.code,
        name: `Atención ${remote.channel} ${remote.office} – ${p.code}`,
        template: {
          weekdays: [1, 2, 3, 4, 5],
          opensMinute: 7 * 60,
          closesMinute: 19 * 60,
          slotMinutes: SLOT_MINUTES,
          places: remote.places,
          breaks: [],
        },
      });
    }
  }
  return lines;
}

/** Slots the national agenda has on each working day (for sizing: sixty days must pass a million). */
export function nationalSlotsPerDay(): number {
  return planLines().reduce((sum, l) => sum + slotStartsOfDay(l.template).length, 0);
}

/** The next `count` working days from `from` (included). */
function workingDaysFrom(from: CivilDate, count: number, holidays: HolidayCalendar): CivilDate[] {
  const days: CivilDate[] = [];
  for (let d = from; days.length < count; d = addDays(d, 1)) {
    if (isoWeekday(d) <= 5 && !holidays.isHoliday(d)) days.push(d);
  }
  return days;
}

/** Loads the catalogue and the national agenda into an empty database (the caller checks it is empty). */
export async function seedNational(
  db: Kysely<DB>,
  { now, workingDays = 60, onProgress }: NationalSeedOptions,
): Promise<NationalSeedResult> {
  await seedCatalogue(db);
  const overrides = await db.selectFrom('holiday_overrides').selectAll().execute();
  const days = workingDaysFrom(civilDateOf(now), workingDays, new HolidayCalendar(overrides));
  const plans = planLines();
  const total = plans.reduce((sum, l) => sum + slotStartsOfDay(l.template).length * days.length, 0);

  const lineIds: number[] = [];
  for (const plan of plans) {
    const line = await db
      .insertInto('capacity_lines')
      .values({ office_code: plan.office, channel: plan.channel, name: plan.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    lineIds.push(line.id);
  }
  await db
    .insertInto('capacity_line_procedures')
    .values(plans.map((p, i) => ({ capacity_line_id: lineIds[i] as number, procedure_code: p.procedure })))
    .execute();
  await db
    .insertInto('agenda_templates')
    .values(
      plans.map((p, i) => ({
        capacity_line_id: lineIds[i] as number,
        name: 'Horario nacional',
        weekdays: [...p.template.weekdays],
        opens_minute: p.template.opensMinute,
        closes_minute: p.template.closesMinute,
        slot_minutes: p.template.slotMinutes,
        places: p.template.places,
        breaks: JSON.stringify(p.template.breaks),
      })),
    )
    .execute();

  const batch = new SlotBatch();
  let done = 0;
  onProgress?.(0, total);
  const startsOf = plans.map((p) => slotStartsOfDay(p.template));
  for (const day of days) {
    // Every line of a day shares the same few wall times: convert each to an instant once.
    const instants = new Map<number, string>();
    const at = (minute: number) => {
      let iso = instants.get(minute);
      if (iso === undefined) {
        iso = instantAt(day, minute).toISOString();
        instants.set(minute, iso);
      }
      return iso;
    };
    for (const [i, plan] of plans.entries()) {
      for (const start of startsOf[i] ?? []) {
        batch.push(
          lineIds[i] as number,
          plan.office,
          plan.channel,
          day,
          at(start),
          at(start + plan.template.slotMinutes),
          plan.template.places,
        );
        if (batch.size >= BATCH) {
          done += await batch.flush(db);
          onProgress?.(done, total);
        }
      }
    }
  }
  done += await batch.flush(db);
  onProgress?.(done, total);
  return {
    procedures: PROCEDURES.length,
    offices: OFFICES.length,
    capacityLines: plans.length,
    days: days.length,
    slots: done,
  };
}

/** Columns of slots gathered as arrays and inserted with one `unnest`: fast on PostgreSQL and PGlite. */
class SlotBatch {
  private lines: number[] = [];
  private offices: string[] = [];
  private channels: string[] = [];
  private dates: string[] = [];
  private starts: string[] = [];
  private ends: string[] = [];
  private capacities: number[] = [];

  get size(): number {
    return this.lines.length;
  }

  push(
    line: number,
    office: string,
    channel: string,
    date: string,
    start: string,
    end: string,
    capacity: number,
  ) {
    this.lines.push(line);
    this.offices.push(office);
    this.channels.push(channel);
    this.dates.push(date);
    this.starts.push(start);
    this.ends.push(end);
    this.capacities.push(capacity);
  }

  async flush(db: Kysely<DB>): Promise<number> {
    const n = this.size;
    if (n === 0) return 0;
    await sql`
      INSERT INTO slots (capacity_line_id, office_code, channel, local_date, starts_at, ends_at, capacity)
      SELECT * FROM unnest(${this.lines}::bigint[], ${this.offices}::text[], ${this.channels}::text[],
        ${this.dates}::date[], ${this.starts}::timestamptz[], ${this.ends}::timestamptz[], ${this.capacities}::int[])`.execute(
      db,
    );
    this.lines = [];
    this.offices = [];
    this.channels = [];
    this.dates = [];
    this.starts = [];
    this.ends = [];
    this.capacities = [];
    return n;
  }
}
