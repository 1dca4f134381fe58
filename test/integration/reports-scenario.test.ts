import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import type { Actor } from '../../src/domain/access.js';
import { systemActor } from '../../src/domain/access.js';
import type { Channel } from '../../src/domain/channels.js';
import { addDays, civilDateOf, eachDate, instantAt } from '../../src/domain/civil-time.js';
import { translate } from '../../src/i18n/index.js';
import { cancelAppointment, cancelAppointmentInTransaction } from '../../src/services/appointments.js';
import { findDays, findFirstAvailable, findSlots } from '../../src/services/availability.js';
import { confirmHold } from '../../src/services/booking/confirm-hold.js';
import { placeHold } from '../../src/services/booking/place-hold.js';
import type { ServiceContext } from '../../src/services/context.js';
import { buildReport, type ReportSlug, type ReportTable } from '../../src/services/reports/reports.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';

/**
 * Two weeks of a small country, played through the real services: searches (days, times of a day,
 * first free place) by office, by city and nationally; holds; confirmations; cancellations; and, once
 * the times have passed, attended and missed appointments. The test keeps its own ledger of what
 * happened and computes every report figure from it, then asks the reports.
 */

const PROCEDURE = 'orientacion-tributaria';
const OTHER = 'rut-pj'; // served by no line here: every search for it finds nothing
const FIRST_DAY = '2026-12-01';
const LAST_DAY = '2026-12-14';
const CALI = '76001';
/** Offices with agenda: two of Seccional Cali (05) and Medellín (11); 0502 (Cali) has none. */
const IN_PERSON = ['05', '0501', '11'] as const;
const VIDEO_OFFICE = '32';
const SECCIONAL_05 = new Set(['05', '0501', '0502']);

/** A small deterministic generator, so a failure replays exactly. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s % n;
  };
}

interface SearchEntry {
  day: string;
  hour: number;
  office: string;
  city: string;
  procedure: string;
  channel: string;
  found: boolean;
  lead: number | null;
}
interface HoldEntry {
  day: string;
  hour: number;
  office: string;
}
interface AppointmentEntry {
  day: string;
  hour: number;
  office: string;
  slotDay: string;
  startsAt: Date;
  code: string;
  document: string;
  status: 'booked' | 'cancelled' | 'closed' | 'attended' | 'no_show';
}
interface SlotEntry {
  office: string;
  day: string;
  capacity: number;
}

const ledger = {
  slots: [] as SlotEntry[],
  searches: [] as SearchEntry[],
  holds: [] as HoldEntry[],
  appointments: [] as AppointmentEntry[],
};

const days = (from: string, to: string) => [...eachDate(from, to)];
const pct = (a: number, b: number) => (b > 0 ? ((a * 100) / b).toFixed(1) : '');
const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;
const rank = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
};

async function playScenario(database: TestDatabase): Promise<Date> {
  const db = database.db;
  const config = testConfig();
  const rnd = random(20261201);
  const lines = new Map<string, number>();
  for (const office of IN_PERSON)
    lines.set(office, await aCapacityLine(db, { office, channel: 'presencial', procedures: [PROCEDURE] }));
  const video = await aCapacityLine(db, { office: VIDEO_OFFICE, channel: 'video', procedures: [PROCEDURE] });
  for (const day of days(FIRST_DAY, addDays(LAST_DAY, 14))) {
    for (const office of IN_PERSON) {
      // Medellín publishes every other day only, so some of its searches come back empty.
      if (office === '11' && Number(day.slice(8)) % 2 === 0) continue;
      for (const time of ['09:00', '10:00']) {
        const capacity = 1 + rnd(2);
        await aSlot(db, {
          line: lines.get(office) ?? 0,
          office,
          startsAt: instantAt(day, time),
          capacity,
        });
        ledger.slots.push({ office, day, capacity });
      }
    }
    await aSlot(db, {
      line: video,
      office: VIDEO_OFFICE,
      channel: 'video',
      startsAt: instantAt(day, '14:00'),
      capacity: 1,
    });
    ledger.slots.push({ office: VIDEO_OFFICE, day, capacity: 1 });
  }

  const ctxAt = (at: Date): ServiceContext => ({ db, config, now: at });
  for (const day of days(FIRST_DAY, LAST_DAY)) {
    const moments = Array.from({ length: 7 + rnd(5) }, () => 6 * 60 + rnd(14 * 60)).sort((a, b) => a - b);
    for (const minute of moments) {
      const at = instantAt(day, minute);
      const ctx = ctxAt(at);
      const hour = Math.floor(minute / 60);
      const which = rnd(10);
      const byCity = rnd(3) === 0;
      const office = ['05', '0501', '11', '0502'][rnd(4)] ?? '05';
      const procedure = rnd(8) === 0 ? OTHER : PROCEDURE;
      const place = byCity ? { city: CALI } : { office };
      const entry = {
        day,
        hour,
        office: byCity ? '' : office,
        city: byCity ? CALI : '',
        procedure,
        channel: 'presencial',
      };
      if (which === 0) {
        const found = await findDays(ctx, {
          procedure: PROCEDURE,
          channel: 'video',
          from: day,
          to: addDays(day, 13),
        });
        ledger.searches.push({
          ...entry,
          office: '',
          city: '',
          procedure: PROCEDURE,
          channel: 'video',
          found: found.length > 0,
          lead: found[0] ? daysFrom(day, found[0].date) : null,
        });
      } else if (which <= 3) {
        const from = addDays(day, rnd(3));
        const found = await findDays(ctx, {
          procedure,
          channel: 'presencial',
          ...place,
          from,
          to: addDays(from, 13),
        });
        ledger.searches.push({
          ...entry,
          found: found.length > 0,
          lead: found[0] ? daysFrom(day, found[0].date) : null,
        });
      } else if (which <= 5) {
        const first = await findFirstAvailable(ctx, { procedure, channel: 'presencial', ...place });
        const firstDay = first.items[0] ? civilDateOf(first.items[0].startsAt) : null;
        ledger.searches.push({
          ...entry,
          found: firstDay !== null,
          lead: firstDay ? daysFrom(day, firstDay) : null,
        });
      } else {
        const date = addDays(day, rnd(4));
        const slots = await findSlots(ctx, { procedure, channel: 'presencial', ...place, date });
        ledger.searches.push({
          ...entry,
          found: slots.length > 0,
          lead: slots.length > 0 ? daysFrom(day, date) : null,
        });
        const slot = slots[rnd(Math.max(1, slots.length))];
        if (slot && rnd(3) > 0) {
          const hold = await placeHold(ctx, {
            slotId: slot.slotId,
            procedure,
            channel: 'presencial' as Channel,
            sessionKey: null,
          });
          ledger.holds.push({ day, hour, office: slot.officeCode });
          if (rnd(5) > 0) {
            const applicant = anApplicant();
            const done = await confirmHold(ctx, {
              holdId: hold.holdId,
              applicant,
              consent,
              via: 'api',
              locale: 'es',
            });
            ledger.appointments.push({
              day,
              hour,
              office: slot.officeCode,
              slotDay: civilDateOf(slot.startsAt),
              startsAt: slot.startsAt,
              code: done.code,
              document: applicant.documentNumber ?? '',
              status: 'booked',
            });
          }
        }
      }
      // Now and then someone cancels an appointment that has not started yet.
      const open = ledger.appointments.filter((a) => a.status === 'booked' && a.startsAt > at);
      const victim = open[rnd(Math.max(1, open.length))];
      if (victim && rnd(6) === 0) {
        await cancelAppointment(ctx, { code: victim.code, documentNumber: victim.document });
        victim.status = 'cancelled';
      }
    }
  }

  // The evening of the last day: the desk has marked who came and who did not, and an office closed
  // a morning, cancelling the appointments on it.
  const end = instantAt(LAST_DAY, '20:00');
  const closed = ledger.appointments.filter((a) => a.status === 'booked' && a.startsAt > end).slice(0, 2);
  for (const a of closed) {
    const row = await db
      .selectFrom('appointments')
      .select(['id', 'slot_id', 'reserved'])
      .where('code', '=', a.code)
      .executeTakeFirstOrThrow();
    await db
      .transaction()
      .execute((trx) => cancelAppointmentInTransaction(trx, row, 'closure', { config, now: end }));
    a.status = 'closed';
  }
  for (const a of ledger.appointments) {
    if (a.status !== 'booked' || a.startsAt > end) continue;
    a.status = rnd(4) === 0 ? 'no_show' : 'attended';
    await db.updateTable('appointments').set({ status: a.status }).where('code', '=', a.code).execute();
  }
  return end;
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** What a viewer's filters count: offices, and the searches made at them or by city in their cities. */
interface Lens {
  offices: Set<string> | null;
  cities: Set<string> | null;
}
const ALL: Lens = { offices: null, cities: null };
const CALI_SECCIONAL: Lens = { offices: SECCIONAL_05, cities: new Set([CALI]) };

const officeIn = (lens: Lens, office: string) => lens.offices === null || lens.offices.has(office);
const searchIn = (lens: Lens, s: SearchEntry) =>
  lens.offices === null ||
  lens.offices.has(s.office) ||
  (s.office === '' && s.city !== '' && (lens.cities?.has(s.city) ?? false));

function expected(slug: ReportSlug, lens: Lens, from: string, to: string, now: Date): (string | number)[][] {
  const inRange = (d: string) => d >= from && d <= to;
  const searches = ledger.searches.filter((s) => inRange(s.day) && searchIn(lens, s));
  const holds = ledger.holds.filter((h) => inRange(h.day) && officeIn(lens, h.office));
  const made = ledger.appointments.filter((a) => inRange(a.day) && officeIn(lens, a.office));
  const dated = ledger.appointments.filter((a) => inRange(a.slotDay) && officeIn(lens, a.office));
  const places = (d: string) =>
    ledger.slots.filter((s) => s.day === d && officeIn(lens, s.office)).reduce((n, s) => n + s.capacity, 0);
  switch (slug) {
    case 'oferta-demanda':
      return days(from, to).map((d) => [
        d,
        places(d),
        count(searches, (s) => s.day === d),
        count(searches, (s) => s.day === d && !s.found),
        count(holds, (h) => h.day === d),
        count(made, (a) => a.day === d),
      ]);
    case 'ocupacion':
      return days(from, to).map((d) => {
        const booked = count(
          dated,
          (a) => a.slotDay === d && a.status !== 'cancelled' && a.status !== 'closed',
        );
        return [d, places(d), booked, pct(booked, places(d))];
      });
    case 'tiempo-espera': {
      const found = searches.filter((s) => s.found);
      return days(from, to)
        .map((d) => found.filter((s) => s.day === d).map((s) => s.lead ?? -1))
        .map((leads, i) => [
          days(from, to)[i] ?? '',
          leads.length,
          rank(leads, 0.5) ?? '',
          rank(leads, 0.9) ?? '',
        ])
        .filter((r) => r[1] !== 0);
    }
    case 'horas':
      return Array.from({ length: 24 }, (_, h) => [
        `${String(h).padStart(2, '0')}:00`,
        count(searches, (s) => s.hour === h),
        count(holds, (x) => x.hour === h),
        count(made, (a) => a.hour === h),
      ]);
    case 'cancelaciones': {
      const offices = [...new Set(dated.map((a) => a.office))].sort();
      return offices.map((o) => {
        const mine = dated.filter((a) => a.office === o);
        const due = count(
          mine,
          (a) => a.status !== 'cancelled' && a.status !== 'closed' && a.startsAt <= now,
        );
        const noShow = count(mine, (a) => a.status === 'no_show');
        return [
          o,
          mine.length,
          count(mine, (a) => a.status === 'cancelled'),
          count(mine, (a) => a.status === 'closed'),
          due,
          count(mine, (a) => a.status === 'attended'),
          noShow,
          pct(noShow, due),
        ];
      });
    }
    case 'sin-resultado': {
      const groups = new Map<string, { searches: number; none: number }>();
      for (const s of searches) {
        const key = `${s.office || (s.city ? `city:${s.city}` : 'national')}|${s.procedure}|${s.channel}`;
        const g = groups.get(key) ?? { searches: 0, none: 0 };
        g.searches += 1;
        if (!s.found) g.none += 1;
        groups.set(key, g);
      }
      return [...groups.entries()]
        .map(([key, g]) => [key, g.searches, g.none, pct(g.none, g.searches)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    }
  }
}

/** The report's rows in the ledger's terms (office codes instead of names, a key for places). */
function actual(report: ReportTable): (string | number)[][] {
  switch (report.slug) {
    case 'cancelaciones':
      return report.rows.map((r) => [/\((\d+)\)$/.exec(String(r[0]))?.[1] ?? '', ...r.slice(1)]);
    case 'sin-resultado':
      return report.rows
        .map((r) => {
          const label = String(r[0]);
          const office = /\((\d+)\)$/.exec(label)?.[1];
          const place = office ?? (label.startsWith('Cali') ? `city:${CALI}` : 'national');
          const procedure = String(r[1]).startsWith('Orientación') ? PROCEDURE : OTHER;
          const channel =
            String(r[2]) === translate('es', 'admin.channelName.video') ? 'video' : 'presencial';
          return [`${place}|${procedure}|${channel}`, r[3] ?? 0, r[4] ?? 0, r[5] ?? ''];
        })
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    default:
      return report.rows;
  }
}

const SLUGS: ReportSlug[] = [
  'oferta-demanda',
  'sin-resultado',
  'tiempo-espera',
  'ocupacion',
  'cancelaciones',
  'horas',
];

describe.each(engines())('report figures from a two-week scenario on %s', (engine) => {
  let database: TestDatabase;
  let now: Date;
  const seccionalAdmin: Actor = {
    staffId: 1,
    label: 'seccional@dian.test',
    role: 'admin_seccional',
    scopes: [{ officeCode: '05', channel: null }],
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    ledger.slots.length = 0;
    ledger.searches.length = 0;
    ledger.holds.length = 0;
    ledger.appointments.length = 0;
    now = await playScenario(database);
  }, 240_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it('played a scenario with every kind of event', () => {
    expect(ledger.searches.length).toBeGreaterThan(100);
    expect(count(ledger.searches, (s) => !s.found)).toBeGreaterThan(10);
    expect(count(ledger.searches, (s) => s.office === '' && s.city === '')).toBeGreaterThan(3);
    expect(ledger.holds.length).toBeGreaterThan(10);
    expect(count(ledger.appointments, (a) => a.status === 'cancelled')).toBeGreaterThan(0);
    expect(count(ledger.appointments, (a) => a.status === 'closed')).toBeGreaterThan(0);
    expect(count(ledger.appointments, (a) => a.status === 'no_show')).toBeGreaterThan(0);
    expect(count(ledger.appointments, (a) => a.status === 'attended')).toBeGreaterThan(0);
  });

  it.each(SLUGS)('%s nationally equals the ledger', async (slug) => {
    const result = await buildReport(
      database.db,
      systemActor(),
      slug,
      { desde: FIRST_DAY, hasta: LAST_DAY },
      'es',
      now,
    );
    expect(result.errors).toEqual([]);
    expect(actual(result.report as ReportTable)).toEqual(expected(slug, ALL, FIRST_DAY, LAST_DAY, now));
  });

  it.each(SLUGS)('%s for a seccional administrator counts only its offices', async (slug) => {
    const result = await buildReport(
      database.db,
      seccionalAdmin,
      slug,
      { desde: FIRST_DAY, hasta: LAST_DAY },
      'es',
      now,
    );
    expect(actual(result.report as ReportTable)).toEqual(
      expected(slug, CALI_SECCIONAL, FIRST_DAY, LAST_DAY, now),
    );
  });

  it('counts the appointments an office closure cancelled, in the weeks after', async () => {
    const to = addDays(LAST_DAY, 14);
    for (const slug of ['cancelaciones', 'ocupacion'] as const) {
      const result = await buildReport(
        database.db,
        systemActor(),
        slug,
        { desde: FIRST_DAY, hasta: to },
        'es',
        now,
      );
      expect(actual(result.report as ReportTable)).toEqual(expected(slug, ALL, FIRST_DAY, to, now));
    }
    const result = await buildReport(
      database.db,
      systemActor(),
      'cancelaciones',
      { desde: FIRST_DAY, hasta: to },
      'es',
      now,
    );
    expect(result.report?.totals?.[3]).toBe(count(ledger.appointments, (a) => a.status === 'closed'));
  });

  it('filters by office and by part of the period', async () => {
    const from = '2026-12-04';
    const to = '2026-12-10';
    const lens: Lens = { offices: new Set(['11']), cities: new Set(['05001']) };
    for (const slug of SLUGS) {
      const result = await buildReport(
        database.db,
        systemActor(),
        slug,
        { desde: from, hasta: to, oficina: '11' },
        'es',
        now,
      );
      expect(actual(result.report as ReportTable)).toEqual(expected(slug, lens, from, to, now));
    }
  });

  it('refuses an office outside the viewer’s scope and reports bad filters per field', async () => {
    await expect(
      buildReport(database.db, seccionalAdmin, 'horas', { oficina: '11' }, 'es', now),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const bad = await buildReport(
      database.db,
      systemActor(),
      'horas',
      { desde: '2026-13-01', hasta: '2026-12-01', canal: 'fax', tramite: 'nada' },
      'es',
      now,
    );
    expect(bad.report).toBeNull();
    expect(bad.errors.map((e) => e.field).sort()).toEqual(['canal', 'desde', 'tramite']);
  });

  it('gives the median and 90th percentile of the whole period in the totals row', async () => {
    const result = await buildReport(
      database.db,
      systemActor(),
      'tiempo-espera',
      { desde: FIRST_DAY, hasta: LAST_DAY },
      'es',
      now,
    );
    const leads = ledger.searches.filter((s) => s.found).map((s) => s.lead ?? -1);
    expect(result.report?.totals).toEqual([
      'admin.reports.total',
      leads.length,
      rank(leads, 0.5),
      rank(leads, 0.9),
    ]);
  });
});
