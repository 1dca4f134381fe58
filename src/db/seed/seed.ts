import type { Kysely } from 'kysely';
import { systemActor } from '../../domain/access.js';
import { planSlots, type WeeklyTemplate } from '../../domain/agenda.js';
import { addDays, type CivilDate, civilDateOf, isoWeekday } from '../../domain/civil-time.js';
import { HolidayCalendar } from '../../domain/holidays.js';
import { createReleaseIn, planRelease } from '../../services/releases/create.js';
import type { DB } from '../schema.js';
import { CHANNEL_SEEDS } from './channels.js';
import { KIOSK_HOURS, KIOSKS } from './kiosks.js';
import { OFFICES, type OfficeKind, officeHours, REMOTE_LINES } from './offices.js';
import { PROCEDURES } from './procedures.js';

export interface SeedResult {
  seeded: boolean;
  procedures: number;
  offices: number;
  slots: number;
}

export interface SeedOptions {
  /** Today, from the caller's clock: the demo agenda starts on its civil date. */
  now: Date;
  /** Calendar days of demo agenda from today; working days only get slots. */
  agendaDays?: number;
}

const SERVED: Readonly<Record<OfficeKind, readonly string[]>> = {
  impuestos: ['impuestos'],
  aduanas: ['aduanas'],
  impuestos_aduanas: ['impuestos', 'aduanas'],
  grandes_contribuyentes: ['impuestos'],
};

const SLOT_MINUTES = 30;
const OPENS = 8 * 60;
const INSERT_BATCH = 2_000;

/**
 * Seeds the catalogue, the offices and a demo agenda into an empty database. It refuses to touch a
 * database that already has procedures, so restarting never seeds twice.
 */
export async function seedIfEmpty(db: Kysely<DB>, options: SeedOptions): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('procedures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) return { seeded: false, procedures: 0, offices: 0, slots: 0 };
    await seedCatalogue(trx);
    const slots = await seedAgenda(trx, options);
    await seedDemoRelease(trx, options.now);
    return { seeded: true, procedures: PROCEDURES.length, offices: OFFICES.length, slots };
  });
}

/** The catalogue, places and offices alone, without agenda (tests add the slots they need). */
export async function seedCatalogue(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('channels')
    .values(
      CHANNEL_SEEDS.map((c, i) => ({
        code: c.code,
        name_es: c.nameEs,
        name_en: c.nameEn,
        remote: c.remote,
        description_es: c.descriptionEs,
        description_en: c.descriptionEn,
        sort_order: i,
      })),
    )
    .execute();
  await db
    .insertInto('procedures')
    .values(
      PROCEDURES.map((p, i) => ({
        code: p.code,
        name_es: p.nameEs,
        name_en: p.nameEn,
        category: p.category,
        summary_es: p.summaryEs,
        summary_en: p.summaryEn,
        audience_es: p.audienceEs,
        audience_en: p.audienceEn,
        requirements_es: p.requirementsEs,
        requirements_en: p.requirementsEn,
        channels: p.channels,
        requires_appointment: p.durationMinutes !== null,
        self_service_url: p.selfService?.url ?? null,
        self_service_es: p.selfService?.es ?? null,
        self_service_en: p.selfService?.en ?? null,
        duration_minutes: p.durationMinutes,
        served_by: p.servedBy,
        sort_order: i,
      })),
    )
    .execute();
  const departments = new Map(OFFICES.map((o) => [o.cityCode.slice(0, 2), o.department]));
  await db
    .insertInto('departments')
    .values([...departments].map(([code, name]) => ({ code, name })))
    .execute();
  const cities = new Map(OFFICES.map((o) => [o.cityCode, o.city]));
  await db
    .insertInto('cities')
    .values([...cities].map(([code, name]) => ({ code, name, department_code: code.slice(0, 2) })))
    .execute();
  await db
    .insertInto('offices')
    .values(
      OFFICES.map((o) => {
        const hours = officeHours(o.code);
        return {
          code: o.code,
          name: o.name,
          kind: o.kind,
          seccional_code: o.seccionalCode,
          city_code: o.cityCode,
          address: o.address ?? `Sede principal, centro de ${o.city}`,
          address_illustrative: o.address === undefined,
          hours_es: hours.es,
          hours_en: hours.en,
          desks: o.desks,
          phone: '(601) 307 8064',
          email: null,
        };
      }),
    )
    .execute();
  await db
    .insertInto('kiosks')
    .values(
      KIOSKS.map((k) => ({
        place_type: k.placeType,
        name: k.name,
        address: k.address,
        city_code: k.cityCode,
        hours_es: KIOSK_HOURS.es,
        hours_en: KIOSK_HOURS.en,
      })),
    )
    .execute();
}

async function seedAgenda(db: Kysely<DB>, { now, agendaDays = 28 }: SeedOptions): Promise<number> {
  const overrides = await db.selectFrom('holiday_overrides').selectAll().execute();
  const holidays = new HolidayCalendar(overrides);
  const from: CivilDate = civilDateOf(now);
  const to = addDays(from, agendaDays - 1);
  const closedDays = { isClosed: (d: CivilDate) => holidays.isHoliday(d) || isoWeekday(d) > 5 };

  const lines: { office: string; channel: string; places: number; closesMinute: number }[] = [];
  for (const office of OFFICES) {
    lines.push({
      office: office.code,
      channel: 'presencial',
      places: Math.min(office.desks, 8),
      closesMinute: officeHours(office.code).closesMinute,
    });
  }
  for (const remote of REMOTE_LINES) {
    lines.push({ office: remote.office, channel: remote.channel, places: remote.places, closesMinute: 990 });
  }

  let total = 0;
  let pending: Parameters<typeof insertSlots>[1] = [];
  for (const line of lines) {
    const office = OFFICES.find((o) => o.code === line.office);
    if (!office) continue;
    const procedures = PROCEDURES.filter(
      (p) =>
        p.durationMinutes !== null &&
        (p.channels as readonly string[]).includes(line.channel) &&
        p.servedBy.some((s) => SERVED[office.kind].includes(s)),
    );
    if (procedures.length === 0) continue;
    const created = await db
      .insertInto('capacity_lines')
      .values({ office_code: line.office, channel: line.channel, name: `${office.name} – ${line.channel}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('capacity_line_procedures')
      .values(procedures.map((p) => ({ capacity_line_id: created.id, procedure_code: p.code })))
      .execute();
    const template: WeeklyTemplate = {
      weekdays: [1, 2, 3, 4, 5],
      opensMinute: OPENS,
      closesMinute: line.closesMinute,
      slotMinutes: SLOT_MINUTES,
      places: line.places,
      breaks: [],
    };
    await db
      .insertInto('agenda_templates')
      .values({
        capacity_line_id: created.id,
        name: 'Horario estándar',
        weekdays: [...template.weekdays],
        opens_minute: template.opensMinute,
        closes_minute: template.closesMinute,
        slot_minutes: template.slotMinutes,
        places: template.places,
        breaks: JSON.stringify(template.breaks),
      })
      .execute();
    for (const s of planSlots(template, from, to, closedDays)) {
      pending.push({
        capacity_line_id: created.id,
        office_code: line.office,
        channel: line.channel,
        local_date: s.localDate,
        starts_at: s.startsAt,
        ends_at: s.endsAt,
        capacity: s.capacity,
      });
      if (pending.length >= INSERT_BATCH) {
        total += await insertSlots(db, pending);
        pending = [];
      }
    }
  }
  total += await insertSlots(db, pending);
  return total;
}

/** The demo release: one working day of a Bogotá line, a week ahead, drawn among those who apply. */
const DEMO_RELEASE = {
  office: '32',
  channel: 'presencial',
  procedure: 'orientacion-tributaria',
  aheadDays: 7,
};

/**
 * A newcomer sees a release as soon as the site first starts: its applications open at the seed's `now`
 * for an hour, then the draw runs as for any release. Seeded with the agenda, so only once.
 */
async function seedDemoRelease(db: Kysely<DB>, now: Date): Promise<void> {
  const day = await db
    .selectFrom('slots as s')
    .innerJoin('capacity_line_procedures as lp', 'lp.capacity_line_id', 's.capacity_line_id')
    .select(['s.capacity_line_id', 's.local_date'])
    .where('s.office_code', '=', DEMO_RELEASE.office)
    .where('s.channel', '=', DEMO_RELEASE.channel)
    .where('lp.procedure_code', '=', DEMO_RELEASE.procedure)
    .where('s.local_date', '>=', addDays(civilDateOf(now), DEMO_RELEASE.aheadDays))
    .orderBy('s.starts_at')
    .limit(1)
    .executeTakeFirst();
  if (!day) return;
  const actor = systemActor('system');
  const request = {
    lineId: day.capacity_line_id,
    procedure: DEMO_RELEASE.procedure,
    from: day.local_date,
    to: day.local_date,
    opensAt: now,
    windowMs: 3_600_000,
  };
  await createReleaseIn(db, actor, await planRelease(db, actor, request, now), now);
}

async function insertSlots(
  db: Kysely<DB>,
  rows: {
    capacity_line_id: number;
    office_code: string;
    channel: string;
    local_date: string;
    starts_at: Date;
    ends_at: Date;
    capacity: number;
  }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  await db.insertInto('slots').values(rows).execute();
  return rows.length;
}
